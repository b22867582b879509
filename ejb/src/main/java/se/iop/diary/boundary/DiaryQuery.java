package se.iop.diary.boundary;

import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.Text;

import java.time.LocalDate;

/**
 * A search of the diary: number (or part of it), date range (the document's date, both ends included),
 * counterpart and free text, a page of it. Blank means no condition.
 */
public record DiaryQuery(String number, LocalDate from, LocalDate to, String counterpart, String text,
                         int page, int size) {

    public static final int MAX_SIZE = 200;

    public DiaryQuery {
        number = Text.searchTerm("number", number);
        counterpart = Text.searchTerm("counterpart", counterpart);
        text = Text.searchTerm("text", text);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "error.period.endBeforeStart");
        }
        if (page < 0) {
            throw new InvalidInput("page", "error.diary.page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "error.diary.size", MAX_SIZE);
        }
        for (String term : new String[]{number, counterpart, text}) {
            if (term != null && term.length() > 200) {
                throw new InvalidInput(term == number ? "number" : term == counterpart ? "counterpart" : "text",
                        "error.tooLong", 200);
            }
        }
    }

    /**
     * A search as a page or the API's query string gives it, every value as text: a date that is no ISO date,
     * or a page that is no number, is refused naming its parameter.
     */
    public static DiaryQuery parse(String number, String from, String to, String counterpart, String text,
                                   String page, String size) {
        return new DiaryQuery(number, Days.parameter("from", from), Days.parameter("to", to), counterpart, text,
                whole("page", page, 0), whole("size", size, 50));
    }

    private static int whole(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "error.diary." + field);
        }
    }

    public static DiaryQuery all() {
        return new DiaryQuery(null, null, null, null, null, 0, 50);
    }
}
