package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Problems;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Amounts sent to the API as strings follow the rules every page reads amounts by: stored as the sender
 * meant them, or refused naming the field, with nothing stored. JSON numbers, whose point is never a
 * thousands separator, are taken as they are.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AmountApiIT {

    private final Api finance = Api.demo("ekonom");
    private BudgetSetup budget;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void budget() {
        budget = BudgetSetup.agreement();
    }

    @Test
    void stringAmountsAreStoredAsMeant() {
        Map<String, String> meant = Map.of(
                "1 700 000,50 kr", "1700000.50",
                "1\u00A0234,5", "1234.50",
                "1\u202F234.05 SEK", "1234.05",
                "1.700.000,50", "1700000.50",
                "1,700,000.50", "1700000.50",
                "1.700.000", "1700000.00",
                "1,700,000", "1700000.00",
                "12,00", "12.00",
                "850000", "850000.00");
        meant.forEach((typed, value) -> {
            Fixtures.created(allocate(Json.createValue(typed).toString()));
            assertEquals(new BigDecimal(value), lastAllocation(), typed);
        });
    }

    @Test
    void aJsonNumberIsNeverAmbiguous() {
        Fixtures.created(allocate("12.000"));
        assertEquals(new BigDecimal("12.00"), lastAllocation());
    }

    @Test
    void anAmbiguousStringIsRefusedWithBothReadingsAndNothingIsStored() {
        long before = allocations();
        for (String typed : new String[] {"12,000", "12.000", "1.700", "1,700 kr", "-12,000"}) {
            JsonObject problem = Problems.assertProblem(allocate(Json.createValue(typed).toString()), 422, "amount");
            assertTrue(problem.getString("detail").startsWith("“" + typed + "” can be read both as "), problem.toString());
        }
        JsonObject problem = Problems.assertProblem(allocate("\"12,000\""), 422, "amount");
        assertEquals("“12,000” can be read both as 12.00 SEK and as 12,000.00 SEK, so it is not guessed. "
                + "Write the amount with two decimals (e.g. 12,000.00 SEK) so that it reads only one way.",
                problem.getString("detail"));
        assertEquals(before, allocations(), "nothing stored");
    }

    @Test
    void otherRefusalsNameTheFieldToo() {
        long before = allocations();
        assertEquals("At most two decimals (whole öre).",
                Problems.assertProblem(allocate("\"1234,567\""), 422, "amount").getString("detail"));
        assertEquals("The amount is too large.",
                Problems.assertProblem(allocate("\"1 000 000 000 000\""), 422, "amount").getString("detail"));
        assertEquals("The amount must be above zero.",
                Problems.assertProblem(allocate("\"-5,00\""), 422, "amount").getString("detail"));
        JsonObject unreadable = Problems.assertProblem(allocate("\"tolv kronor\""), 400, "amount");
        assertTrue(unreadable.getString("detail").contains("“tolv kronor” cannot be read"), unreadable.toString());
        Problems.assertProblem(allocate("true"), 400, "amount");
        assertEquals(before, allocations(), "nothing stored");
    }

    /** Every amount of the budget and the agreement reads by the same rules, whichever resource takes it. */
    @Test
    void everyAmountOfTheApiReadsTheSameWay() {
        long line = budget.line("STAFF", "Boendestöd", "\"450 000,50\"", null);
        assertEquals(new BigDecimal("450000.50"), Rows.value("select planned from budget_line where id = ?", line));
        Problems.assertProblem(finance.post(budget.phase("lines"),
                "{\"category\": \"HOUSING\", \"name\": \"Hyror\", \"planned\": \"200.000\"}"), 422, "planned");
        budget.allocate("\"600 000\"");

        JsonObject expense = expense(line).add("amount", "12 345,67 kr").add("voucher", Fixtures.unique("A")).build();
        long cost = Fixtures.id(Fixtures.created(finance.post(budget.phase("expenses"), expense.toString())));
        assertEquals(new BigDecimal("12345.67"), Rows.value("select amount from expense where id = ?", cost));
        long costs = Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId);
        Problems.assertProblem(finance.post(budget.phase("expenses"),
                expense(line).add("amount", "1.700").add("voucher", Fixtures.unique("B")).build().toString()), 422, "amount");
        assertEquals(costs, Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId));

        Problems.assertProblem(finance.post(budget.phase("disbursements"),
                "{\"partnerId\": %d, \"amount\": \"150,000\", \"plannedOn\": \"2024-03-01\"}".formatted(budget.stadsmissionId)),
                422, "amount");
        JsonObject paid = Fixtures.created(finance.post(budget.phase("disbursements"),
                "{\"partnerId\": %d, \"amount\": \"150 000,50\", \"plannedOn\": \"2024-03-01\"}".formatted(budget.stadsmissionId)));
        assertEquals(new BigDecimal("150000.50"), paid.getJsonNumber("amount").bigDecimalValue());

        Api admin = Api.admin();
        String decisions = "api/agreements/" + budget.agreementId + "/decisions";
        JsonObjectBuilder decision = Json.createObjectBuilder().add("committeeId", budget.socialCommitteeId)
                .add("meetingDate", "2023-12-14");
        Problems.assertProblem(admin.post(decisions, decision.add("amount", "850.000").build().toString()), 422, "amount");
        Fixtures.created(admin.post(decisions, Json.createObjectBuilder()
                .add("committeeId", budget.socialCommitteeId).add("meetingDate", "2023-12-14")
                .add("amount", "850 000,00 kr").build().toString()));
        assertEquals(new BigDecimal("850000.00"),
                Rows.value("select amount from committee_decision where agreement_id = ?", budget.agreementId));
    }

    private Api.Reply allocate(String amountJson) {
        return finance.post(budget.phase("allocations"),
                "{\"committeeId\": %d, \"amount\": %s}".formatted(budget.socialCommitteeId, amountJson));
    }

    private BigDecimal lastAllocation() {
        return (BigDecimal) Rows.value("select amount from allocation where phase_id = ? order by id desc limit 1", budget.phaseId);
    }

    private long allocations() {
        return Rows.count("select count(*) from allocation where phase_id = " + budget.phaseId);
    }

    private static JsonObjectBuilder expense(long line) {
        return Json.createObjectBuilder().add("lineId", line).add("spentOn", "2024-03-01").add("description", "Löner");
    }
}
