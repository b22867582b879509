package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.addDecision;
import static se.iop.it.Fixtures.addParty;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.assessComplete;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.editable;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.moveTo;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.organisationNumber;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/** The JSON API used as a client would: organisations and agreements through their whole life, history, locking. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgreementApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api admin = Api.admin();

    @Test
    void organisationsAreRegisteredFoundEditedAndDeactivated() {
        String name = unique("IT Förening");
        String number = organisationNumber();
        Api.Reply r = admin.post("api/organisations", Json.createObjectBuilder().add("name", name)
                .add("organisationNumber", number.replace("-", "")).add("kind", "NON_PROFIT")
                .add("email", "info@example.se").build().toString());
        JsonObject o = created(r);
        long id = id(o);
        assertTrue(r.header("Location").endsWith("/api/organisations/" + id), r.header("Location"));
        assertEquals("\"0\"", r.header("ETag"));
        assertEquals(number, o.getString("organisationNumber"), "stored as NNNNNN-NNNN");
        assertEquals(number, Rows.value("select organisation_number from organisation where id = ?", id));

        assertEquals(name, ok(admin.get("api/organisations/" + id)).getString("name"));
        JsonObject page = ok(admin.get("api/organisations?q=" + name.substring(name.lastIndexOf(' ') + 1)));
        assertEquals(1, page.getInt("total"), page.toString());
        assertEquals(id, id(page.getJsonArray("items").getJsonObject(0)));

        JsonObject updated = ok(admin.put("api/organisations/" + id, Json.createObjectBuilder()
                .add("name", name + " (ny)").add("organisationNumber", number).add("kind", "NON_PROFIT")
                .add("phone", "0155-00 00 00").add("version", version(o)).build().toString()));
        assertEquals(name + " (ny)", updated.getString("name"));
        assertEquals(version(o) + 1, version(updated));
        assertEquals(name + " (ny)", Rows.value("select name from organisation where id = ?", id));

        Api.Reply contact = admin.post("api/organisations/" + id + "/contacts", Json.createObjectBuilder()
                .add("name", "Kim Exempel").add("role", "Ordförande").add("email", "kim@example.se").build().toString());
        assertEquals("Kim Exempel", created(contact).getJsonArray("contacts").getJsonObject(0).getString("name"));

        JsonObject deactivated = ok(admin.send("POST", "api/organisations/" + id + "/deactivate", "application/json", null,
                "If-Match", "\"" + version(updated) + "\""));
        assertFalse(deactivated.getBoolean("active"));
        String q = "api/organisations?q=" + name.substring(name.lastIndexOf(' ') + 1);
        assertEquals(0, ok(admin.get(q)).getInt("total"), "deactivated ones are left out by default");
        assertEquals(1, ok(admin.get(q + "&inactive=true")).getInt("total"));
        assertEquals(Boolean.FALSE, Rows.value("select active from organisation where id = ?", id));
    }

    @Test
    void aMunicipalityGetsCommittees() {
        JsonObject kommun = created(admin.post("api/organisations", Json.createObjectBuilder()
                .add("name", unique("IT kommun")).add("organisationNumber", organisationNumber())
                .add("kind", "MUNICIPALITY").build().toString()));
        JsonObject withCommittee = created(admin.post("api/organisations/" + id(kommun) + "/committees",
                Json.createObjectBuilder().add("name", "Socialnämnden").build().toString()));
        assertEquals("Socialnämnden", withCommittee.getJsonArray("committees").getJsonObject(0).getString("name"));
        assertEquals(1L, Rows.value("select count(*) from committee where organisation_id = ?", id(kommun)));
    }

    @Test
    void organisationListsSortAndPage() {
        JsonObject first = ok(admin.get("api/organisations?sort=name&max=2"));
        assertEquals(2, first.getJsonArray("items").size());
        assertTrue(first.getInt("total") >= 5, first.toString());
        JsonObject second = ok(admin.get("api/organisations?sort=name&first=1&max=2"));
        assertEquals(first.getJsonArray("items").getJsonObject(1), second.getJsonArray("items").getJsonObject(0));
        List<String> desc = ok(admin.get("api/organisations?sort=name&desc=true&max=1000")).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList();
        assertTrue(desc.indexOf("Verdandi Nyköping") < desc.indexOf("Nyköpings kommun"), desc.toString());
    }

    @Test
    void anAgreementGoesThroughItsWholeLife() {
        Api.Reply r = admin.post("api/agreements", agreement().build().toString());
        JsonObject a = created(r);
        long id = id(a);
        assertTrue(r.header("Location").endsWith("/api/agreements/" + id), r.header("Location"));
        assertEquals("DRAFT", a.getString("status"));
        assertEquals("2024-01-01", a.getString("startDate"));

        JsonObject listed = ok(admin.get("api/agreements?q=" + a.getString("reference").substring(3)));
        assertEquals(1, listed.getInt("total"));
        assertEquals(id, id(listed.getJsonArray("items").getJsonObject(0)));

        JsonObject edited = ok(admin.put("api/agreements/" + id, editable(a)
                .add("title", "Bostad först – ändrad titel").add("targetGroup", "Vuxna i långvarig hemlöshet")
                .build().toString()));
        assertEquals("Bostad först – ändrad titel", edited.getString("title"));
        assertEquals("Bostad först – ändrad titel", Rows.value("select title from agreement where id = ?", id));

        addParty(id, KOMMUN, "PUBLIC_PARTNER", "2023-12-14");
        JsonObject withParties = addParty(id, STADSMISSION, "NON_PROFIT_PARTNER", "2024-01-01");
        assertEquals(2, withParties.getJsonArray("parties").size());
        JsonObject withDecision = addDecision(id);
        JsonObject decision = withDecision.getJsonArray("decisions").getJsonObject(0);
        assertEquals("Socialnämnden", decision.getString("committeeName"));
        assertEquals("850000.00", withDecision.getJsonNumber("decidedAmount").bigDecimalValue().toPlainString());

        JsonObject decided = ok(moveTo(admin, assessComplete(withDecision), "DECIDED"));
        assertEquals("DECIDED", decided.getString("status"));
        JsonObject active = ok(moveTo(admin, decided, "ACTIVE"));
        assertEquals("ACTIVE", active.getString("status"));
        assertEquals("ACTIVE", Rows.value("select status from agreement where id = ?", id));

        JsonObject amended = created(admin.post("api/agreements/" + id + "/amendments", Json.createObjectBuilder()
                .add("effectiveOn", "2024-06-01").add("description", "Verdandi ansluter")
                .add("decisionId", id(decision))
                .add("joining", Json.createObjectBuilder().add("organisationId", organisationId(VERDANDI))
                        .add("role", "NON_PROFIT_PARTNER").add("commitment", "Mötesplatser"))
                .build().toString()));
        assertEquals(1, amended.getJsonArray("amendments").size());
        JsonObject verdandi = amended.getJsonArray("parties").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("organisationName").equals(VERDANDI)).findFirst().orElseThrow();
        assertEquals("2024-06-01", verdandi.getString("joinedOn"));
        assertEquals(id(verdandi), amended.getJsonArray("amendments").getJsonObject(0).getJsonNumber("addedPartyId").longValue());

        JsonObject ended = ok(moveTo(admin, amended, "ENDED"));
        assertEquals("ENDED", ended.getString("status"));
        assertEquals("2026-12-31", ended.getString("closedOn"));
        assertProblem(admin.put("api/agreements/" + id, editable(ended).add("title", "Efteråt")
                .build().toString()), 409, "status");
        assertEquals("Bostad först – ändrad titel", Rows.value("select title from agreement where id = ?", id));
    }

    @Test
    void listsFilterByStatus() {
        JsonObject a = decided(STADSMISSION);
        JsonObject decided = ok(admin.get("api/agreements?status=DECIDED&max=1000"));
        assertTrue(decided.getJsonArray("items").getValuesAs(JsonObject.class).stream().anyMatch(i -> id(i) == id(a)));
        assertTrue(decided.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .allMatch(i -> i.getString("status").equals("DECIDED")));
        JsonObject drafts = ok(admin.get("api/agreements?status=DRAFT&max=1000"));
        assertTrue(drafts.getJsonArray("items").getValuesAs(JsonObject.class).stream().noneMatch(i -> id(i) == id(a)));
    }

    @Test
    void aPartyIsRemovedFromADraftOnly() {
        JsonObject a = draftWith(STADSMISSION);
        long party = id(a.getJsonArray("parties").getJsonObject(1));
        JsonObject after = ok(admin.delete("api/agreements/" + id(a) + "/parties/" + party));
        assertEquals(1, after.getJsonArray("parties").size());
        assertEquals(0L, Rows.value("select count(*) from agreement_party where id = ?", party));

        JsonObject d = decided(STADSMISSION);
        long decidedParty = id(d.getJsonArray("parties").getJsonObject(1));
        assertProblem(admin.delete("api/agreements/" + id(d) + "/parties/" + decidedParty), 409, "partyId");
        assertEquals(1L, Rows.value("select count(*) from agreement_party where id = ?", decidedParty));
    }

    /** An agreement without dates has no embedded period after loading; rules and history must still work. */
    @Test
    void anAgreementWithoutDatesIsRefusedNotBroken() {
        JsonObject a = createAgreement(agreement().addNull("startDate").addNull("endDate"));
        addParty(id(a), KOMMUN, "PUBLIC_PARTNER", null);
        addParty(id(a), STADSMISSION, "NON_PROFIT_PARTNER", null);
        JsonObject decided = ok(moveTo(admin, assessComplete(addDecision(id(a))), "DECIDED"));
        assertProblem(moveTo(admin, decided, "ACTIVE"), 409, "startDate");
        JsonObject amended = created(admin.post("api/agreements/" + id(a) + "/amendments", Json.createObjectBuilder()
                .add("effectiveOn", "2024-06-01").add("description", "Uppföljningen ändras").build().toString()));
        assertEquals(1, amended.getJsonArray("amendments").size());
        assertEquals(200, admin.get("api/agreements/" + id(a) + "/history").status());
        assertEquals("DECIDED", Rows.value("select status from agreement where id = ?", id(a)));
    }

    @Test
    void theHistoryShowsWhoChangedWhatFromWhatToWhat() {
        JsonObject a = createAgreement(agreement().add("title", "Titel före"));
        ok(Api.demo("handlaggare").put("api/agreements/" + id(a), editable(a)
                .add("title", "Titel efter").build().toString()));

        List<JsonObject> history = changes(admin.get("api/agreements/" + id(a) + "/history"));
        JsonObject changed = history.get(0);
        assertEquals("CHANGED", changed.getString("kind"));
        assertEquals("handlaggare", changed.getString("username"));
        assertNotNull(changed.getString("at"));
        JsonObject title = changed.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("field").equals("title")).findFirst().orElseThrow();
        assertEquals("Titel före", title.getString("before"));
        assertEquals("Titel efter", title.getString("after"));
        assertEquals(1, changed.getJsonArray("fields").size(), "only the title changed: " + changed);

        JsonObject creation = history.get(history.size() - 1);
        assertEquals("CREATED", creation.getString("kind"));
        assertEquals("admin", creation.getString("username"));

        // The audit rows themselves name the user of each revision.
        assertEquals(List.of("admin", "handlaggare"), Rows.values("select r.username from agreement_aud a"
                + " join revision r on r.id = a.rev where a.id = ? order by a.rev", id(a)));
        assertEquals(200, Api.demo("revisor").get("api/agreements/" + id(a) + "/history").status());
    }

    private static List<JsonObject> changes(Api.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.jsonArray().getValuesAs(JsonObject.class);
    }

    @Test
    void aStaleVersionIsRefusedAndTheFirstSaveKept() {
        JsonObject a = createAgreement(agreement());
        String path = "api/agreements/" + id(a);
        JsonObject first = ok(admin.put(path, editable(a).add("title", "Första ändringen")
                .build().toString(), "If-Match", "\"" + version(a) + "\""));
        assertEquals(version(a) + 1, version(first));

        assertProblem(admin.put(path, editable(a).add("title", "Andra ändringen").build().toString(),
                "If-Match", "\"" + version(a) + "\""), 409, "version");
        assertProblem(admin.put(path, editable(a).add("title", "Tredje ändringen")
                .build().toString()), 409, "version");
        assertProblem(moveTo(admin, a, "DECIDED"), 409, "version");
        assertEquals("Första ändringen", Rows.value("select title from agreement where id = ?", id(a)));
        assertEquals(version(first), Rows.value("select version from agreement where id = ?", id(a)));
    }

    @Test
    void ofTwoConcurrentSavesOfOneVersionExactlyOneWins() throws Exception {
        JsonObject a = createAgreement(agreement());
        String path = "api/agreements/" + id(a);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> titles = List.of("Ändrad av Anna", "Ändrad av Bo");
            List<Future<Api.Reply>> replies = titles.stream().map(title -> pool.submit((Callable<Api.Reply>) () -> {
                String body = editable(a).add("title", title).build().toString();
                start.await();
                return admin.put(path, body, "If-Match", "\"" + version(a) + "\"");
            })).toList();
            start.countDown();
            Api.Reply anna = replies.get(0).get(60, TimeUnit.SECONDS);
            Api.Reply bo = replies.get(1).get(60, TimeUnit.SECONDS);

            List<Integer> statuses = List.of(anna.status(), bo.status());
            assertTrue(statuses.contains(200) && statuses.contains(409), anna + " / " + bo);
            Api.Reply winner = anna.status() == 200 ? anna : bo;
            assertProblem(winner == anna ? bo : anna, 409, "version");
            String kept = winner.json().getString("title");
            assertEquals(kept, Rows.value("select title from agreement where id = ?", id(a)));
            assertEquals(kept, ok(admin.get(path)).getString("title"));
            assertEquals(version(a) + 1, Rows.value("select version from agreement where id = ?", id(a)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markupInATitleIsDataNotCode() {
        String script = "<script>alert(1)</script>";
        Api.Reply r = admin.post("api/agreements", agreement().add("title", script)
                .add("goals", "\"quoted\" & <b>bold</b>").build().toString());
        JsonObject a = created(r);
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(script, a.getString("title"));
        assertEquals(script, ok(admin.get("api/agreements/" + id(a))).getString("title"));
        assertEquals("\"quoted\" & <b>bold</b>", ok(admin.get("api/agreements/" + id(a))).getString("goals"));
        assertEquals(script, Rows.value("select title from agreement where id = ?", id(a)));
    }

    @Test
    void theServerServesItsOpenApiDocument() throws Exception {
        HttpResponse<String> yaml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Api.base().resolve("openapi"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.body().contains("\n  /api/agreements:\n"), yaml.body());
        assertTrue(yaml.body().contains("\n  /api/organisations:\n"), yaml.body());
        Api.Reply json = Api.anonymous().get("openapi?format=JSON");
        assertEquals(200, json.status());
        JsonObject paths = json.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/agreements"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/agreements/{id}/status"), paths.keySet().toString());
        assertTrue(paths.getJsonObject("/api/agreements").containsKey("post"), paths.toString());
    }

    @Test
    void theServerSaysItIsReady() throws Exception {
        URI health = URI.create("http://127.0.0.1:" + System.getProperty("iop.it.managementPort") + "/health/ready");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = Json.createReader(new java.io.StringReader(r.body())).readObject();
        assertEquals("UP", body.getString("status"));
        assertTrue(r.body().contains("iop.ear"), r.body());
    }

    @Test
    void nullsMayBeSentForOptionalFields() {
        JsonObject a = createAgreement(agreement().add("background", JsonValue.NULL).addNull("noticeMonths"));
        assertFalse(a.containsKey("background"));
        assertFalse(a.containsKey("noticeMonths"));
    }
}
