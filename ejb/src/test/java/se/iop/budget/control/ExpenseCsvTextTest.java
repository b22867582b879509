package se.iop.budget.control;

import org.junit.jupiter.api.Test;
import se.iop.budget.control.ExpenseCsv.Budget;
import se.iop.budget.control.ExpenseCsv.Line;
import se.iop.budget.control.ExpenseCsv.PhasePlan;
import se.iop.budget.control.ExpenseCsv.Problem;
import se.iop.budget.control.ExpenseCsv.Result;
import se.iop.budget.entity.LineCategory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The imported cost's texts follow the rule every text in IOP follows (see se.iop.common.Text). */
class ExpenseCsvTextTest {

    private static final Budget BUDGET = new Budget(List.of(new PhasePlan(1, "Fas 1", LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31), List.of(new Line(11, "Boendestödjare", LineCategory.STAFF)))), List.of());

    private static Result read(String csv) {
        return ExpenseCsv.read(csv.getBytes(StandardCharsets.UTF_8), BUDGET);
    }

    @Test
    void identityNumbersAndControlCharactersAreProblemsOfTheirRowAndColumn() {
        Result r = read("datum;budgetrad;belopp;beskrivning;verifikation\n"
                + "2024-01-31;Boendestödjare;100,00;Löner januari;V-1\n"
                + "2024-01-31;Boendestödjare;100,00;Hyra för 811218 9876;V-2\n"
                + "2024-01-31;Boendestödjare;100,00;Löner;V-\u00003\n"
                + "2024-01-31;Boendestödjare;100,00;\"Rad ett\nrad två\";V-4\n"
                + "2024-01-31;Boendestödjare;100,00;Löner;\"V\n5\"\n"); // on line 7: the cell above spans two
        List<Problem> problems = r.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertEquals(List.of(3, 4, 7), problems.stream().map(Problem::row).toList());
        assertEquals(List.of("description", "voucher", "voucher"), problems.stream().map(Problem::field).toList());
        assertEquals(List.of("error.identityNumber", "error.text.control", "error.text.oneLine"),
                problems.stream().map(Problem::key).toList());
        assertTrue(problems.get(1).message(java.util.Locale.ENGLISH).contains("U+0000"));
    }
}
