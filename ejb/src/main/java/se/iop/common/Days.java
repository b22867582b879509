package se.iop.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Today's date where the partnership is: in Sweden. Services ask here; entities are given the day. */
public final class Days {

    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private Days() {
    }

    public static LocalDate today() {
        return LocalDate.now(SWEDEN);
    }

    /** A date given as a query parameter (yyyy-mm-dd), or null when none; anything else refused naming the field. */
    public static LocalDate parameter(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "error.date");
        }
    }
}
