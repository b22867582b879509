package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.FollowUpFixtures;
import se.iop.it.LandlordFixtures;
import se.iop.it.LandlordFixtures.User;
import se.iop.it.Smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * A 404 says only that the thing asked for was not found. For every GET, PUT and DELETE with an id, a
 * partner asking for another partner's thing gets exactly the answer of an id that does not exist —
 * byte for byte, apart from the instance path — naming the kind asked for and no id (neither the one
 * asked for nor the agreement it hangs on). Likewise a landlord asking for another landlord's packet.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotFoundApiIT {

    private static final long NONE = 987654321L;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** One request with the ids of its path: as asked of another's thing, or of ids that do not exist. */
    private record Probe(String method, String template, String body) {
        Api.Reply send(Api api, Map<String, Long> ids) {
            String path = template;
            for (var e : ids.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", Long.toString(e.getValue()));
            }
            return switch (method) {
                case "GET" -> api.send("GET", path, null, null, "Accept", "*/*"); // files too (PDF, CSV, XLSX)
                case "PUT" -> api.put(path, body);
                case "DELETE" -> api.delete(path);
                default -> throw new IllegalArgumentException(method);
            };
        }
    }

    private static Probe get(String path) {
        return new Probe("GET", path, null);
    }

    private static Probe put(String path, String body) {
        return new Probe("PUT", path, body);
    }

    private static Probe delete(String path) {
        return new Probe("DELETE", path, null);
    }

    /** Stadsmissionen's things on an agreement Verdandi is no party to. */
    private static Map<String, Long> stadsmissionsThings() {
        Api stadsmissionen = Api.demo("stadsmissionen");
        Api finance = Api.demo("ekonom");
        JsonObject a = FollowUpFixtures.activeWith(STADSMISSION);
        long agreement = id(a);
        long party = id(a.getJsonArray("parties").getJsonObject(1));
        long phase = id(created(finance.post("api/budgets/" + agreement + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\"}")));
        long line = id(created(finance.post("api/phases/" + phase + "/lines",
                "{\"category\": \"STAFF\", \"name\": \"Boendestödjare\", \"planned\": 500000}")));
        created(finance.post("api/phases/" + phase + "/allocations", "{\"committeeId\": %d, \"amount\": 100000}"
                .formatted(committeeId(KOMMUN, SOCIALNAMNDEN))));
        long expense = id(created(stadsmissionen.post("api/phases/" + phase + "/expenses", Json.createObjectBuilder()
                .add("lineId", line).add("spentOn", "2024-03-15").add("amount", "1200.00")
                .add("description", "Lön").add("voucher", unique("V")).build().toString())));
        long disbursement = id(created(finance.post("api/phases/" + phase + "/disbursements",
                "{\"partnerId\": %d, \"amount\": 5000, \"plannedOn\": \"2024-04-01\", \"reference\": \"Utbetalning\"}"
                        .formatted(organisationId(STADSMISSION)))));
        long milestone = id(created(Api.admin().post("api/milestones", Json.createObjectBuilder()
                .add("agreementId", agreement).add("title", "Första hyresgästerna").add("dueOn", "2024-06-30")
                .add("responsibleId", organisationId(STADSMISSION)).build().toString())));
        JsonObject report = FollowUpFixtures.createReport(stadsmissionen, FollowUpFixtures.report(agreement, "2024-Q1", 5));
        Api.Reply upload = FollowUpFixtures.upload("stadsmissionen", id(report), "protokoll.pdf", FollowUpFixtures.PDF_TYPE,
                FollowUpFixtures.pdf());
        long attachment = id(created(upload));
        return Map.of("agreement", agreement, "party", party, "phase", phase, "line", line, "expense", expense,
                "disbursement", disbursement, "milestone", milestone, "report", id(report), "attachment", attachment,
                "organisation", organisationId(STADSMISSION));
    }

    /** Every GET, PUT and DELETE with an id that a partner can reach (those its role may not use answer 403 to both). */
    private static List<Probe> partnerProbes() {
        String agreementBody = Json.createObjectBuilder().add("reference", "X 1").add("title", "Titel").build().toString();
        String reportBody = FollowUpFixtures.report(1, "2024-Q2", 3).build().toString();
        return List.of(
                get("api/agreements/{agreement}"),
                put("api/agreements/{agreement}", agreementBody),
                get("api/agreements/{agreement}/history"),
                delete("api/agreements/{agreement}/parties/{party}"),
                get("api/agreements/{agreement}/signatures"),
                get("api/agreements/{agreement}/signatures/pdf"),
                get("api/budgets/{agreement}"),
                get("api/budgets/{agreement}/export/transactions.csv"),
                get("api/budgets/{agreement}/export/overview.xlsx"),
                get("api/outcomes/{agreement}"),
                get("api/committee-reports/{agreement}/pdf"),
                get("api/phases/{phase}"),
                put("api/phases/{phase}", "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\"}"),
                put("api/phases/{phase}/lines/{line}", "{\"planned\": 1000, \"reason\": \"Ny plan\"}"),
                get("api/expenses/{expense}"),
                get("api/disbursements/{disbursement}"),
                get("api/milestones/{milestone}"),
                put("api/milestones/{milestone}", Json.createObjectBuilder().add("title", "Ny titel").add("dueOn", "2024-06-30")
                        .add("responsibleId", 1).build().toString()),
                get("api/reports/{report}"),
                put("api/reports/{report}", reportBody),
                delete("api/reports/{report}"),
                get("api/reports/{report}/attachments/{attachment}"),
                delete("api/reports/{report}/attachments/{attachment}"),
                get("api/organisations/{organisation}"),
                put("api/organisations/{organisation}", Json.createObjectBuilder().add("name", "Förening")
                        .add("organisationNumber", "802003-5120").add("kind", "NON_PROFIT").build().toString()));
    }

    @Test
    void anotherPartnersThingAnswersExactlyAsOneThatDoesNotExist() {
        Map<String, Long> theirs = stadsmissionsThings();
        Map<String, Long> none = new java.util.HashMap<>();
        theirs.keySet().forEach(k -> none.put(k, NONE));
        Api verdandi = Api.demo("verdandi");
        List<String> notFound = new ArrayList<>();
        for (Probe probe : partnerProbes()) {
            Api.Reply other = probe.send(verdandi, theirs);
            Api.Reply missing = probe.send(verdandi, none);
            String what = probe.method() + " " + probe.template();
            assertSame(what, other, missing, theirs);
            if (other.status() == 404) {
                notFound.add(what);
            }
        }
        // Most of them are 404s, not role refusals: the comparison above is about hiding, not about 403.
        assertTrue(notFound.size() >= 12, notFound.toString());
        assertEquals("No expense found.", verdandi.get("api/expenses/" + theirs.get("expense")).json().getString("detail"));
        assertEquals("No phase found.", verdandi.get("api/phases/" + theirs.get("phase")).json().getString("detail"));
        // The owner still reads them.
        Api stadsmissionen = Api.demo("stadsmissionen");
        ok(stadsmissionen.get("api/expenses/" + theirs.get("expense")));
        ok(stadsmissionen.get("api/reports/" + theirs.get("report")));
    }

    private record Sent(User user, long versionId) {
    }

    /** A landlord company with a landlord user, sent a new published packet. */
    private static Sent sentTo(String who) {
        String email = LandlordFixtures.email(who);
        JsonObject landlord = LandlordFixtures.company(email);
        User user = LandlordFixtures.landlordUser(landlord.getJsonNumber("organisationId").longValue());
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT 404 " + who));
        LandlordFixtures.awaitSend(LandlordFixtures.send(id(p), 1, LandlordFixtures.to(id(landlord))).json()
                .getJsonNumber("sendId").longValue(), Duration.ofSeconds(30));
        return new Sent(user, ok(Api.admin().get("api/packets/" + id(p) + "/versions/1")).getJsonNumber("id").longValue());
    }

    @Test
    void anotherLandlordsPacketAnswersExactlyAsOneThatDoesNotExist() {
        Sent mine = sentTo("min404");
        Sent theirs = sentTo("deras404");
        Api me = mine.user().api();
        ok(me.get("api/portal/packets/" + mine.versionId()));
        Map<String, Long> other = Map.of("version", theirs.versionId());
        Map<String, Long> none = Map.of("version", NONE);
        for (Probe probe : List.of(get("api/portal/packets/{version}"))) {
            assertSame(probe.template(), probe.send(me, other), probe.send(me, none), other);
        }
        Api.Reply opened = me.post("api/portal/packets/" + theirs.versionId() + "/opened", "");
        assertSame("POST opened", opened, me.post("api/portal/packets/" + NONE + "/opened", ""), other);
        assertEquals("No packet found.", opened.json().getString("detail"));
    }

    /** Same status, same type, same body (once the instance path, if any, is set aside), and no id in it. */
    private static void assertSame(String what, Api.Reply other, Api.Reply missing, Map<String, Long> ids) {
        assertEquals(missing.status(), other.status(), what + ": " + other + " / " + missing);
        assertTrue(other.status() == 404 || other.status() == 403, what + ": " + other);
        assertProblem(other, other.status(), null);
        assertEquals(missing.contentType(), other.contentType(), what);
        assertEquals(withoutInstance(missing.body()), withoutInstance(other.body()), what);
        String body = withoutInstance(other.body()).replace("\"status\":" + other.status(), "");
        assertFalse(body.matches("(?s).*\\d.*"), what + " names an id: " + other.body());
        for (long id : ids.values()) {
            // Read without the status, which is digits too: an id of 4, 40 or 404 is no more "named" by a 404.
            assertFalse(body.contains(Long.toString(id)), what + " names " + id + ": " + other.body());
        }
    }

    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"\\s*,?", "");
    }
}
