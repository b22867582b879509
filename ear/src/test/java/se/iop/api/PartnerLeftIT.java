package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.FollowUpFixtures;
import se.iop.it.Rows;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Problems.assertProblem;

/**
 * A partner that has left an agreement by an amendment (last day 30 June 2024): it still reads the
 * agreement and what it reported and booked while a party, but neither it nor finance books a cost on
 * it dated after it left, and it writes no report for a period after it left — 422 naming the date
 * field, nothing stored. Before its last day it still may.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PartnerLeftIT {

    private static final String LAST_DAY = "2024-06-30";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api partner = Api.demo("stadsmissionen");
    private final Api finance = Api.demo("ekonom");

    /** The agreement (in force 2024–2026) with Stadsmissionen, a phase for 2024 and a staff line. */
    private record Setup(long agreementId, long partyId, long phaseId, long lineId) {
        String expenses() {
            return "api/phases/" + phaseId + "/expenses";
        }
    }

    private Setup setup() {
        JsonObject a = FollowUpFixtures.activeWith(STADSMISSION);
        long stadsmission = organisationId(STADSMISSION);
        long partyId = a.getJsonArray("parties").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("organisationId").longValue() == stadsmission).findFirst()
                .map(p -> p.getJsonNumber("id").longValue()).orElseThrow();
        long phase = id(created(finance.post("api/budgets/" + id(a) + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\"}")));
        long line = id(created(finance.post("api/phases/" + phase + "/lines",
                "{\"category\": \"STAFF\", \"name\": \"Boendestödjare\", \"planned\": 500000}")));
        return new Setup(id(a), partyId, phase, line);
    }

    private static String cost(long line, String date, String voucher, Long partnerId) {
        var b = Json.createObjectBuilder().add("lineId", line).add("spentOn", date).add("amount", "1200.00")
                .add("description", "Lön boendestödjare").add("voucher", voucher);
        if (partnerId != null) {
            b.add("partnerId", partnerId);
        }
        return b.build().toString();
    }

    private static String leave(String lastDay, String description) {
        var b = Json.createObjectBuilder().add("leftOn", lastDay);
        if (description != null) {
            b.add("description", description);
        }
        return b.build().toString();
    }

    private Api.Reply report(Setup s, String period) {
        return partner.post("api/reports", FollowUpFixtures.report(s.agreementId(), period, 5).build().toString());
    }

    private static Map<String, Long> counts() {
        return Map.of("expense", Rows.rowsOf("expense"), "activity_report", Rows.rowsOf("activity_report"),
                "amendment", Rows.rowsOf("amendment"));
    }

    @Test
    void aPartnerThatLeftReadsWhatItReportedButBooksAndReportsNothingDatedAfter() {
        Setup s = setup();
        JsonObject q1 = created(report(s, "2024-Q1"));
        JsonObject march = created(partner.post(s.expenses(), cost(s.lineId(), "2024-03-15", "V-LEFT-1", null)));

        assertProblem(partner.post("api/agreements/" + s.agreementId() + "/parties/" + s.partyId() + "/leave",
                leave(LAST_DAY, "Stadsmissionen lämnar")), 403, null);
        JsonObject left = created(Api.admin().post("api/agreements/" + s.agreementId() + "/parties/" + s.partyId() + "/leave",
                leave(LAST_DAY, "Stadsmissionen lämnar partnerskapet enligt beslut i styrgruppen")));
        JsonObject party = left.getJsonArray("parties").getValuesAs(JsonObject.class).stream()
                .filter(p -> id(p) == s.partyId()).findFirst().orElseThrow();
        assertEquals(LAST_DAY, party.getString("leftOn"));
        JsonObject amendment = left.getJsonArray("amendments").getValuesAs(JsonObject.class).stream()
                .filter(m -> !m.isNull("leftPartyId") && m.getJsonNumber("leftPartyId").longValue() == s.partyId())
                .findFirst().orElseThrow(() -> new AssertionError("no amendment names the party: " + left));
        assertEquals(LAST_DAY, amendment.getString("effectiveOn"));

        // It still reads the agreement and what it reported and booked while a party.
        assertEquals(200, partner.get("api/agreements/" + s.agreementId()).status());
        assertEquals("2024-Q1", ok(partner.get("api/reports/" + id(q1))).getString("period"));
        assertEquals("V-LEFT-1", ok(partner.get("api/expenses/" + id(march))).getString("voucher"));
        assertTrue(partner.get("api/reports?agreementId=" + s.agreementId()).jsonArray().getValuesAs(JsonObject.class)
                .stream().anyMatch(r -> id(r) == id(q1)));

        // Nothing dated after its last day, whoever books it; nothing stored.
        Map<String, Long> before = counts();
        assertProblem(partner.post(s.expenses(), cost(s.lineId(), "2024-07-01", "V-LEFT-2", null)), 422, "spentOn");
        assertProblem(finance.post(s.expenses(), cost(s.lineId(), "2024-07-01", "V-LEFT-3",
                organisationId(STADSMISSION))), 422, "spentOn");
        assertProblem(report(s, "2024-Q3"), 422, "period");
        assertProblem(report(s, "2024-07"), 422, "period");
        Api.Reply imported = finance.send("POST", "api/budgets/" + s.agreementId() + "/expenses/import",
                "text/csv; charset=UTF-8", "datum;budgetrad;belopp;beskrivning;verifikation;partner\n"
                        + "2024-08-01;Boendestödjare;500;Lön augusti;V-LEFT-4;" + STADSMISSION + "\n");
        assertEquals(422, imported.status(), imported.body());
        assertTrue(imported.body().contains("\"date\""), "the import names the date column: " + imported.body());
        assertEquals(before, counts(), "a refused booking or report stored nothing");

        // Its last day and the periods it took part in still may be booked and reported.
        created(partner.post(s.expenses(), cost(s.lineId(), LAST_DAY, "V-LEFT-5", null)));
        created(report(s, "2024-Q2"));
        created(finance.post(s.expenses(), cost(s.lineId(), "2024-07-01", "V-LEFT-6", null))); // on no partner

        // Leaving happens once, with a description.
        assertProblem(Api.admin().post("api/agreements/" + s.agreementId() + "/parties/" + s.partyId() + "/leave",
                leave("2024-09-30", "Igen")), 409, "leftOn");
        assertProblem(Api.admin().post("api/agreements/" + s.agreementId() + "/parties/" + s.partyId() + "/leave",
                leave("2024-09-30", null)), 400, "description");
    }
}
