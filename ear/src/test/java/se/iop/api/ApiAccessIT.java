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
import se.iop.it.Rows;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.NYKOPINGSHEM;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.editable;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.organisationNumber;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/** Who may read and change what, per role, through the API; refusals store nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiAccessIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static final Api AUDITOR = Api.demo("revisor");
    private static final Api FINANCE = Api.demo("ekonom");
    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");
    private static final Api VERDANDI_USER = Api.demo("verdandi");
    private static final Api LANDLORD = Api.demo("hyresvard");

    /** Every write the API offers, against an agreement in DRAFT and one DECIDED; each must be refused. */
    private static List<Supplier<Api.Reply>> writes(Api api, JsonObject draft, JsonObject decided) {
        String d = "api/agreements/" + id(draft);
        String dd = "api/agreements/" + id(decided);
        long kommun = organisationId(KOMMUN);
        long party = id(draft.getJsonArray("parties").getJsonObject(1));
        return List.of(
                () -> api.post("api/agreements", agreement().build().toString()),
                () -> api.put(d, editable(draft).add("title", "Ändrad").build().toString()),
                () -> api.put(d + "/eligibility", "{\"ownInitiative\":true,\"coFinancing\":true,\"noMarket\":true,"
                        + "\"procurementAndStateAidAssessed\":true}"),
                () -> api.post(d + "/status", "{\"status\":\"DECIDED\"}"),
                () -> api.post(d + "/parties", Json.createObjectBuilder().add("organisationId", organisationId(VERDANDI))
                        .add("role", "NON_PROFIT_PARTNER").build().toString()),
                () -> api.delete(d + "/parties/" + party),
                () -> api.post(d + "/decisions", Json.createObjectBuilder()
                        .add("committeeId", committeeId(KOMMUN, "Socialnämnden")).add("meetingDate", "2023-12-14")
                        .build().toString()),
                () -> api.post(dd + "/amendments", "{\"effectiveOn\":\"2024-06-01\",\"description\":\"Ändring\"}"),
                () -> api.post(dd + "/status", "{\"status\":\"TERMINATED\",\"on\":\"2024-06-01\",\"reason\":\"Skäl\"}"),
                () -> api.post("api/organisations", Json.createObjectBuilder().add("name", unique("IT Förening"))
                        .add("organisationNumber", organisationNumber()).add("kind", "NON_PROFIT").build().toString()),
                () -> api.put("api/organisations/" + kommun, Json.createObjectBuilder().add("name", "Annan kommun")
                        .add("organisationNumber", "212000-0308").add("kind", "MUNICIPALITY").build().toString()),
                () -> api.send("POST", "api/organisations/" + kommun + "/deactivate", "application/json", null),
                () -> api.post("api/organisations/" + kommun + "/committees", "{\"name\":\"Ny nämnd\"}"),
                () -> api.post("api/organisations/" + kommun + "/contacts", "{\"name\":\"Ny kontakt\"}"));
    }

    private static void everyWriteIsRefused(Api api, int status, JsonObject draft, JsonObject decided) {
        Map<String, Long> before = Rows.count();
        for (Supplier<Api.Reply> write : writes(api, draft, decided)) {
            Api.Reply r = write.get();
            assertEquals(status, r.status(), r.body());
            if (status == 403) {
                assertProblem(r, 403, null);
            }
        }
        assertEquals(before, Rows.count(), "a refused write changed the database");
        assertEquals("DRAFT", Rows.value("select status from agreement where id = ?", id(draft)));
        assertEquals("DECIDED", Rows.value("select status from agreement where id = ?", id(decided)));
    }

    @Test
    void theAuditorReadsEverythingAndChangesNothing() {
        JsonObject draft = draftWith(VERDANDI);
        JsonObject decided = decided(STADSMISSION);
        assertTrue(ok(AUDITOR.get("api/agreements?max=1000")).getInt("total") >= 4);
        assertEquals(draft.getString("title"), ok(AUDITOR.get("api/agreements/" + id(draft))).getString("title"));
        assertEquals(200, AUDITOR.get("api/agreements/" + id(decided) + "/history").status());
        assertTrue(ok(AUDITOR.get("api/organisations?max=1000")).getInt("total") >= 5);
        assertEquals(KOMMUN, ok(AUDITOR.get("api/organisations/" + organisationId(KOMMUN))).getString("name"));
        everyWriteIsRefused(AUDITOR, 403, draft, decided);
    }

    @Test
    void financeReadsButDoesNotWriteNorReadTheHistory() {
        JsonObject draft = draftWith(VERDANDI);
        JsonObject decided = decided(STADSMISSION);
        assertEquals(200, FINANCE.get("api/agreements/" + id(draft)).status());
        assertTrue(ok(FINANCE.get("api/organisations?max=1000")).getInt("total") >= 5);
        assertProblem(FINANCE.get("api/agreements/" + id(draft) + "/history"), 403, null);
        everyWriteIsRefused(FINANCE, 403, draft, decided);
    }

    @Test
    void aPartnerSeesOnlyAgreementsItsOrganisationIsPartyTo() {
        JsonObject withoutStadsmission = draftWith(VERDANDI);
        JsonObject withStadsmission = draftWith(STADSMISSION);
        String ref = "api/agreements?max=1000&q=";

        JsonObject own = ok(STADSMISSIONEN.get(ref + withStadsmission.getString("reference").substring(3)));
        assertEquals(1, own.getInt("total"));
        assertEquals(200, STADSMISSIONEN.get("api/agreements/" + id(withStadsmission)).status());
        JsonObject other = ok(STADSMISSIONEN.get(ref + withoutStadsmission.getString("reference").substring(3)));
        assertEquals(0, other.getInt("total"), other.toString());
        assertProblem(STADSMISSIONEN.get("api/agreements/" + id(withoutStadsmission)), 404, null);
        assertProblem(STADSMISSIONEN.get("api/agreements/" + id(withoutStadsmission) + "/history"), 404, null);

        assertEquals(1, ok(VERDANDI_USER.get(ref + withoutStadsmission.getString("reference").substring(3)))
                .getInt("total"));
        assertEquals(0, ok(VERDANDI_USER.get(ref + withStadsmission.getString("reference").substring(3)))
                .getInt("total"));
        assertProblem(VERDANDI_USER.get("api/agreements/" + id(withStadsmission)), 404, null);

        // Every agreement a partner lists has its organisation among the parties.
        for (Api partner : List.of(STADSMISSIONEN, VERDANDI_USER)) {
            String name = partner == STADSMISSIONEN ? STADSMISSION : VERDANDI;
            for (JsonObject brief : ok(partner.get("api/agreements?max=1000")).getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                JsonObject full = ok(partner.get("api/agreements/" + id(brief)));
                assertTrue(full.getJsonArray("parties").getValuesAs(JsonObject.class).stream()
                        .anyMatch(p -> p.getString("organisationName").equals(name)), name + " sees " + full);
            }
        }
    }

    @Test
    void aPartnerSeesOnlyItsOwnOrganisationAndNoHistory() {
        JsonObject orgs = ok(STADSMISSIONEN.get("api/organisations?max=1000"));
        assertEquals(1, orgs.getInt("total"), orgs.toString());
        assertEquals(STADSMISSION, orgs.getJsonArray("items").getJsonObject(0).getString("name"));
        assertProblem(STADSMISSIONEN.get("api/organisations/" + organisationId(KOMMUN)), 404, null);
        JsonObject own = draftWith(STADSMISSION);
        assertProblem(STADSMISSIONEN.get("api/agreements/" + id(own) + "/history"), 403, null);
    }

    @Test
    void aPartnerChangesNothing() {
        everyWriteIsRefused(STADSMISSIONEN, 403, draftWith(STADSMISSION), decided(STADSMISSION));
    }

    @Test
    void aLandlordHasNoAccessToAgreementsOrOrganisations() {
        JsonObject a = draftWith(STADSMISSION);
        assertProblem(LANDLORD.get("api/agreements"), 403, null);
        assertProblem(LANDLORD.get("api/agreements/" + id(a)), 403, null);
        assertProblem(LANDLORD.get("api/agreements/" + id(a) + "/history"), 403, null);
        assertProblem(LANDLORD.get("api/organisations"), 403, null);
        assertProblem(LANDLORD.get("api/organisations/" + organisationId(NYKOPINGSHEM)), 403, null);
        everyWriteIsRefused(LANDLORD, 403, a, decided(STADSMISSION));
    }

    @Test
    void wrongCredentialsAreChallengedAndStoreNothing() {
        Map<String, Long> before = Rows.count();
        Api wrong = Api.as("handlaggare", "fel-lösenord");
        Api.Reply r = wrong.post("api/agreements", agreement().build().toString());
        assertEquals(401, r.status());
        assertTrue(r.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals(401, Api.as("ingen-sadan", "bostadforst").get("api/agreements").status());
        assertEquals(401, Api.as("handlaggare", "").get("api/agreements").status());
        assertEquals(before, Rows.count());
    }

    @Test
    void theAdministratorWrites() {
        JsonObject a = createAgreement(agreement());
        JsonObject updated = ok(Api.demo("handlaggare").put("api/agreements/" + id(a), editable(a)
                .add("title", "Ändrad av handläggaren").build().toString()));
        assertEquals(version(a) + 1, version(updated));
    }
}
