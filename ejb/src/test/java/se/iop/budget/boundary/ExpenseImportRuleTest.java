package se.iop.budget.boundary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.PartyRole;
import se.iop.agreement.entity.Period;
import se.iop.budget.control.ExpenseCsv;
import se.iop.budget.control.ExpenseCsv.Problem;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.ExpenseSource;
import se.iop.budget.entity.LineCategory;
import se.iop.budget.entity.Phase;
import se.iop.common.Amount;
import se.iop.common.DomainException;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row the CSV import takes is exactly a cost the dialog and the API take: the same values go once through
 * the import (read, then checked as the cost it would be) and once straight to {@link Expense#book}, as the
 * dialog's service does, and both must take it or both refuse it with the same message, on the same field.
 */
class ExpenseImportRuleTest {

    private static final String HEADER = "datum;fas;budgetrad;belopp;beskrivning;verifikation;partner\n";

    private final Organisation kommun = withId(new Organisation("Nyköpings kommun", OrganisationNumber.of("212000-0308"),
            OrganisationKind.MUNICIPALITY), 1L);
    private final Organisation stadsmission = withId(new Organisation("Sörmlands Stadsmission",
            OrganisationNumber.of("802003-5120"), OrganisationKind.NON_PROFIT), 2L);
    private final Agreement agreement = agreement();
    private final Phase fas1 = withId(new Phase(agreement, "Fas 1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), 10L);
    private final Phase fas2 = withId(new Phase(agreement, "Fas 2", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), 20L);
    private final BudgetLine staff1 = withId(fas1.addLine(LineCategory.STAFF, "Boendestödjare", new BigDecimal("400000"), null), 11L);
    private final BudgetLine staff2 = withId(fas2.addLine(LineCategory.STAFF, "Boendestödjare", new BigDecimal("400000"), null), 21L);

    private Agreement agreement() {
        Agreement a = withId(new Agreement("SN 2023/0412", "Bostad först Nyköping"), 100L);
        a.schedule(Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)), null);
        a.addParty(kommun, PartyRole.PUBLIC_PARTNER, LocalDate.of(2024, 1, 1));
        a.addParty(stadsmission, PartyRole.NON_PROFIT_PARTNER, LocalDate.of(2024, 1, 1));
        return a;
    }

    /** Test only: the id the database would have given, which the import's rows refer to. */
    private static <T> T withId(T entity, long id) {
        try {
            var field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each row: date, phase, amount, description, voucher, and the outcome: "ok" or the field and message key. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "2024-03-31 | Fas 1 | 1234,50        | Löner mars             | V-1          | ok",
            "2024-03-31 | Fas 2 | 1234,50        | Löner mars             | V-1          | date error.dateOutsidePhase",
            "2025-03-31 | Fas 1 | 1234,50        | Löner mars             | V-1          | date error.dateOutsidePhase",
            "2024-03-31 | Fas 1 | 0              | Löner mars             | V-1          | amount error.money.notPositive",
            "2024-03-31 | Fas 1 | -5             | Löner mars             | V-1          | amount error.money.notPositive",
            "2024-03-31 | Fas 1 | 1000000000000  | Löner mars             | V-1          | amount error.money.tooLarge",
            "2024-03-31 | Fas 1 | 1234,50        | Hembesök 811218-9876   | V-1          | description error.identityNumber",
            "2024-03-31 | Fas 1 | 1234,50        | `  `                   | V-1          | description error.required",
            "2024-03-31 | Fas 1 | 1234,50        | Löner mars             | `  `         | voucher error.required",
            "2024-03-31 | Fas 1 | 1234,50        | Löner mars             | V-123456789012345678901234567890123456789012345678901 | voucher error.tooLong"})
    void theImportAndTheDialogDecideAlike(String date, String phaseName, String amount, String description, String voucher,
                                          String outcome) {
        String csv = HEADER + String.join(";", date, phaseName, "Boendestödjare", amount, description, voucher, "Sörmlands Stadsmission") + "\n";
        String imported = imported(csv);

        Phase phase = phaseName.equals("Fas 1") ? fas1 : fas2;
        String dialog;
        try {
            // The dialog reads the typed amount as every field does, then books on the phase chosen.
            Expense.book(phase, phase == fas1 ? staff1 : staff2, stadsmission, LocalDate.parse(date),
                    Amount.read("amount", amount), description, voucher, ExpenseSource.FINANCE);
            dialog = "ok";
        } catch (DomainException e) {
            dialog = ExpenseCsv.columnOf(e.field()) + " " + e.key();
        }
        assertEquals(outcome, dialog, "the dialog");
        assertEquals(outcome, imported, "the import");
    }

    /** What the import makes of the file: "ok" with the cost the entity took, or its one problem as "field key". */
    private String imported(String csv) {
        ExpenseCsv.Result read = ExpenseCsv.read(csv.getBytes(StandardCharsets.UTF_8),
                ExpenseImports.budgetOf(agreement, List.of(fas1, fas2)));
        List<Problem> problems = new ArrayList<>(read.problems());
        List<ExpenseCsv.Row> rows = ExpenseImports.booked(agreement, List.of(fas1, fas2), read.rows(), problems);
        if (problems.isEmpty()) {
            assertEquals(1, rows.size());
            assertTrue(rows.get(0).amount().scale() == 2, "the amount as the entity keeps it");
            return "ok";
        }
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0).field() + " " + problems.get(0).key();
    }
}
