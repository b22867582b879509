package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.NYKOPINGSHEM;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.addParty;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.editable;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.moveTo;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.organisationNumber;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * Everything a client can get wrong: each answer is the right 4xx as a problem detail naming the
 * field, with no stack trace, and nothing is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiBadInputIT {

    private static final long UNKNOWN = 987654321L;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api admin = Api.admin();

    /** Sends a request that must be refused with this status, naming this field, and change no table. */
    private static JsonObject refused(int status, String field, Supplier<Api.Reply> request) {
        Map<String, Long> before = Rows.count();
        JsonObject problem = assertProblem(request.get(), status, field);
        assertEquals(before, Rows.count(), "the database changed");
        return problem;
    }

    private JsonObject refusedAgreement(int status, String field, JsonObjectBuilder body) {
        return refused(status, field, () -> admin.post("api/agreements", body.build().toString()));
    }

    private static JsonObjectBuilder organisation() {
        return Json.createObjectBuilder().add("name", unique("IT Förening")).add("organisationNumber", organisationNumber())
                .add("kind", "NON_PROFIT");
    }

    private JsonObject refusedOrganisation(int status, String field, JsonObjectBuilder body) {
        return refused(status, field, () -> admin.post("api/organisations", body.build().toString()));
    }

    @Test
    void missingFieldsAreNamed() {
        refusedAgreement(400, "title", agreement().remove("title"));
        refusedAgreement(400, "reference", agreement().remove("reference"));
        refusedAgreement(400, "title", agreement().add("title", "   "));
        refusedAgreement(400, "reference", Json.createObjectBuilder());
        refusedOrganisation(400, "kind", organisation().remove("kind"));
        refusedOrganisation(400, "name", organisation().remove("name"));
        refusedOrganisation(400, "organisationNumber", organisation().remove("organisationNumber"));

        JsonObject a = createAgreement(agreement());
        String base = "api/agreements/" + id(a);
        refused(400, "role", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(KOMMUN)).build().toString()));
        refused(400, "organisationId", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("role", "PUBLIC_PARTNER").build().toString()));
        refused(400, "meetingDate", () -> admin.post(base + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).build().toString()));
        refused(400, "description", () -> admin.post(base + "/amendments", Json.createObjectBuilder()
                .add("effectiveOn", "2024-06-01").build().toString()));
        refused(400, "organisationId", () -> admin.post(base + "/amendments", Json.createObjectBuilder()
                .add("effectiveOn", "2024-06-01").add("description", "Ny part")
                .add("joining", Json.createObjectBuilder().add("role", "NON_PROFIT_PARTNER")).build().toString()));
        refused(400, "status", () -> admin.post(base + "/status", "{}"));
        JsonObject noBody = refused(400, null, () -> admin.post(base + "/status", ""));
        assertTrue(noBody.getString("detail").contains("body"), noBody.toString());
    }

    @Test
    void wrongTypesAreNamed() {
        refusedAgreement(400, "startDate", agreement().add("startDate", 12));
        refusedAgreement(400, "startDate", agreement().add("startDate", "2023-13-01"));
        refusedAgreement(400, "endDate", agreement().add("endDate", "31/12/2026"));
        refusedAgreement(400, "noticeMonths", agreement().add("noticeMonths", "sex"));
        refusedAgreement(400, "noticeMonths", agreement().add("noticeMonths", 1.5));
        refusedAgreement(400, "noticeMonths", agreement().add("noticeMonths", 1e30));
        refusedAgreement(400, "title", agreement().add("title", Json.createObjectBuilder().add("sv", "Titel")));
        refusedAgreement(400, "version", agreement().add("version", "senaste"));
        JsonObject kind = refusedOrganisation(400, "kind", organisation().add("kind", "NOPE"));
        assertTrue(kind.getString("detail").contains("kind"), kind.toString());
        refusedOrganisation(400, "kind", organisation().add("kind", "non_profit"));
        refusedOrganisation(400, "kind", organisation().add("kind", 1));

        JsonObject a = createAgreement(agreement());
        String base = "api/agreements/" + id(a);
        refused(400, "role", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(KOMMUN)).add("role", "BOSS").build().toString()));
        refused(400, "organisationId", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", "Nyköpings kommun").add("role", "PUBLIC_PARTNER").build().toString()));
        refused(400, "organisationId", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", 1e30).add("role", "PUBLIC_PARTNER").build().toString()));
        refused(400, "amount", () -> admin.post(base + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).add("meetingDate", "2023-12-14")
                .add("amount", "mycket").build().toString()));
        refused(400, "status", () -> admin.post(base + "/status", "{\"status\":\"CLOSED\"}"));
    }

    @Test
    void malformedJsonIsRefused() {
        refused(400, null, () -> admin.post("api/agreements", "{\"reference\":"));
        refused(400, null, () -> admin.post("api/agreements", "reference=SN 1&title=T"));
        refused(400, null, () -> admin.post("api/agreements", "[{\"reference\":\"SN 1\",\"title\":\"T\"}]"));
        refused(400, null, () -> admin.post("api/agreements", " [{\"reference\":\"SN 2\",\"title\":\"T\"},{}]"));
        refused(400, null, () -> admin.post("api/agreements", ""));
        refused(400, null, () -> admin.post("api/agreements", "null"));
        refused(400, null, () -> admin.post("api/organisations", "{\"name\":\"A\",}"));
        refused(415, null, () -> admin.send("POST", "api/agreements", "text/plain",
                agreement().build().toString()));
    }

    @Test
    void unknownIdsAreNotFound() {
        JsonObject notFound = refused(404, null, () -> admin.get("api/agreements/" + UNKNOWN));
        assertEquals("No agreement found.", notFound.getString("detail"), "the kind asked for, no id");
        refused(404, null, () -> admin.put("api/agreements/" + UNKNOWN, agreement().build().toString()));
        refused(404, null, () -> admin.post("api/agreements/" + UNKNOWN + "/status", "{\"status\":\"DECIDED\"}"));
        refused(404, null, () -> admin.post("api/agreements/" + UNKNOWN + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(KOMMUN)).add("role", "PUBLIC_PARTNER").build().toString()));
        refused(404, null, () -> admin.get("api/agreements/" + UNKNOWN + "/history"));
        refused(404, null, () -> admin.get("api/agreements/nummer-ett"));
        refused(404, null, () -> admin.get("api/organisations/" + UNKNOWN));
        refused(404, null, () -> admin.put("api/organisations/" + UNKNOWN, organisation().build().toString()));
        refused(404, null, () -> admin.get("api/nothing-here"));

        JsonObject a = draftWith(STADSMISSION);
        String base = "api/agreements/" + id(a);
        refused(422, "organisationId", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", UNKNOWN).add("role", "NON_PROFIT_PARTNER").build().toString()));
        refused(422, "committeeId", () -> admin.post(base + "/decisions", Json.createObjectBuilder()
                .add("committeeId", UNKNOWN).add("meetingDate", "2023-12-14").build().toString()));
        refused(422, "partyId", () -> admin.delete(base + "/parties/" + UNKNOWN));
        JsonObject d = decided(STADSMISSION);
        refused(422, "decisionId", () -> admin.post("api/agreements/" + id(d) + "/amendments", Json.createObjectBuilder()
                .add("effectiveOn", "2024-06-01").add("description", "Ändring").add("decisionId", UNKNOWN)
                .build().toString()));
    }

    @Test
    void overlongStringsAreRefused() {
        refusedAgreement(400, "title", agreement().add("title", "x".repeat(301)));
        refusedAgreement(400, "reference", agreement().add("reference", "x".repeat(101)));
        refusedAgreement(400, "background", agreement().add("background", "x".repeat(10_001)));
        refusedAgreement(400, "followUpPlan", agreement().add("followUpPlan", "x".repeat(10_001)));
        refusedOrganisation(400, "name", organisation().add("name", "x".repeat(201)));
        refusedOrganisation(400, "organisationNumber", organisation().add("organisationNumber", "1".repeat(21)));
        refusedOrganisation(400, "email", organisation().add("email", "a@" + "x".repeat(200) + ".se"));

        JsonObject a = createAgreement(agreement());
        String base = "api/agreements/" + id(a);
        refused(400, "commitment", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(KOMMUN)).add("role", "PUBLIC_PARTNER")
                .add("commitment", "x".repeat(4001)).build().toString()));
        refused(400, "paragraph", () -> admin.post(base + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).add("meetingDate", "2023-12-14")
                .add("paragraph", "§".repeat(51)).build().toString()));
        long kommun = organisationId(KOMMUN);
        refused(400, "name", () -> admin.post("api/organisations/" + kommun + "/contacts", Json.createObjectBuilder()
                .add("name", "x".repeat(201)).build().toString()));
    }

    @Test
    void brokenDomainRulesAreUnprocessableOrConflicts() {
        refusedOrganisation(422, "organisationNumber", organisation().add("organisationNumber", "212000-0309"));
        refusedOrganisation(422, "organisationNumber", organisation().add("organisationNumber", "12-34"));
        refusedOrganisation(422, "organisationNumber", organisation().add("organisationNumber", "2120-000308"));
        refusedOrganisation(409, "organisationNumber", organisation().add("organisationNumber", "2120000308"));
        refusedOrganisation(422, "email", organisation().add("email", "inte-en-adress"));
        refusedAgreement(422, "endDate", agreement().add("startDate", "2025-01-01").add("endDate", "2024-12-31"));

        JsonObject a = createAgreement(agreement());
        refusedAgreement(409, "reference", agreement().add("reference", a.getString("reference").toLowerCase()));
        String base = "api/agreements/" + id(a);
        refused(422, "role", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(NYKOPINGSHEM)).add("role", "NON_PROFIT_PARTNER")
                .build().toString()));
        refused(422, "role", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(STADSMISSION)).add("role", "PUBLIC_PARTNER")
                .build().toString()));
        refused(422, "committeeId", () -> admin.post(base + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).add("meetingDate", "2023-12-14")
                .build().toString()));
        addParty(id(a), KOMMUN, "PUBLIC_PARTNER", "2024-01-01");
        refused(409, "organisationId", () -> admin.post(base + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(KOMMUN)).add("role", "PUBLIC_PARTNER").build().toString()));
        refused(422, "amount", () -> admin.post(base + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).add("meetingDate", "2023-12-14")
                .add("amount", -1).build().toString()));
        refused(422, "amount", () -> admin.post(base + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).add("meetingDate", "2023-12-14")
                .add("amount", "850000.125").build().toString()));
        refused(400, "noticeMonths", () -> admin.put(base, editable(a).add("noticeMonths", 121)
                .build().toString()));
    }

    @Test
    void statusStepsOutOfOrderAreConflicts() {
        JsonObject draft = draftWith(STADSMISSION);
        refused(409, "status", () -> moveTo(admin, draft, "ACTIVE"));
        refused(409, "status", () -> moveTo(admin, draft, "ENDED"));
        refused(409, "status", () -> moveTo(admin, draft, "DECIDED"));
        refused(409, "effectiveOn", () -> admin.post("api/agreements/" + id(draft) + "/amendments",
                Json.createObjectBuilder().add("effectiveOn", "2024-06-01").add("description", "För tidigt")
                        .build().toString()));
        assertEquals("DRAFT", Rows.value("select status from agreement where id = ?", id(draft)));

        JsonObject d = decided(STADSMISSION);
        refused(409, "status", () -> moveTo(admin, d, "DRAFT"));
        refused(409, "status", () -> moveTo(admin, d, "ENDED"));
        refused(409, "organisationId", () -> admin.post("api/agreements/" + id(d) + "/parties", Json.createObjectBuilder()
                .add("organisationId", organisationId(NYKOPINGSHEM)).add("role", "ASSOCIATED").build().toString()));
        refused(422, "reason", () -> admin.post("api/agreements/" + id(d) + "/status", Json.createObjectBuilder()
                .add("status", "TERMINATED").add("on", "2024-02-01").add("version", d.getJsonNumber("version").longValue())
                .build().toString()));
        assertEquals("DECIDED", Rows.value("select status from agreement where id = ?", id(d)));
    }
}
