package se.iop.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test data made through the API as the administrator, unique per call so tests never depend on each
 * other, and the ids of the Nyköping demo organisations the tests run with.
 */
public final class Fixtures {

    public static final String KOMMUN = "Nyköpings kommun";
    public static final String SOCIALNAMNDEN = "Socialnämnden";
    public static final String STADSMISSION = "Sörmlands Stadsmission";
    public static final String VERDANDI = "Verdandi Nyköping";
    public static final String NYKOPINGSHEM = "Nyköpingshem AB";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** A name or reference no other test uses, e.g. {@code IT k3j9x0a}. */
    public static String unique(String prefix) {
        return prefix + " " + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    /** A valid organisation number nobody has: random digits and the Luhn check digit. */
    public static String organisationNumber() {
        StringBuilder digits = new StringBuilder("80");
        for (int i = 0; i < 7; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        digits.append(checkDigit(digits));
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    static int checkDigit(CharSequence nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** The id of an organisation by its exact name (the demo's, or one a test made). */
    public static long organisationId(String name) {
        Api.Reply r = Api.admin().get("api/organisations?max=1000&inactive=true");
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no organisation " + name)).getJsonNumber("id").longValue();
    }

    public static long committeeId(String organisation, String committee) {
        Api.Reply r = Api.admin().get("api/organisations/" + organisationId(organisation));
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("committees").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(committee)).findFirst()
                .orElseThrow(() -> new AssertionError("no committee " + committee)).getJsonNumber("id").longValue();
    }

    /** An agreement body with a unique reference, a title and a period. */
    public static JsonObjectBuilder agreement() {
        String reference = unique("IT");
        return Json.createObjectBuilder()
                .add("reference", reference)
                .add("title", "Testavtal " + reference)
                .add("goals", "Fler i eget boende")
                .add("startDate", "2024-01-01")
                .add("endDate", "2026-12-31")
                .add("noticeMonths", 6);
    }

    public static JsonObject created(Api.Reply r) {
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    public static JsonObject ok(Api.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    public static JsonObject createAgreement(JsonObjectBuilder body) {
        return created(Api.admin().post("api/agreements", body.build().toString()));
    }

    /** A draft with Nyköpings kommun and the given non-profits as parties from its start date. */
    public static JsonObject draftWith(String nonProfit, String... more) {
        JsonObject a = createAgreement(agreement());
        long id = id(a);
        addParty(id, KOMMUN, "PUBLIC_PARTNER", "2024-01-01");
        JsonObject last = addParty(id, nonProfit, "NON_PROFIT_PARTNER", "2024-01-01");
        for (String other : more) {
            last = addParty(id, other, "NON_PROFIT_PARTNER", "2024-01-01");
        }
        return last;
    }

    public static JsonObject addParty(long agreementId, String organisation, String role, String joinedOn) {
        JsonObjectBuilder party = Json.createObjectBuilder()
                .add("organisationId", organisationId(organisation)).add("role", role)
                .add("commitment", "Åtagande för " + organisation);
        if (joinedOn != null) {
            party.add("joinedOn", joinedOn);
        }
        return created(Api.admin().post("api/agreements/" + agreementId + "/parties", party.build().toString()));
    }

    public static JsonObject addDecision(long agreementId) {
        return created(Api.admin().post("api/agreements/" + agreementId + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).add("meetingDate", "2023-12-14")
                .add("paragraph", "§ 12").add("diarienummer", unique("SN")).add("text", "Beslut om IOP")
                .add("amount", "850000.00").build().toString()));
    }

    public static JsonObject assessComplete(JsonObject agreement) {
        return ok(Api.admin().put("api/agreements/" + id(agreement) + "/eligibility", Json.createObjectBuilder()
                .add("ownInitiative", true).add("coFinancing", true).add("noMarket", true)
                .add("procurementAndStateAidAssessed", true).add("note", "Bedömt")
                .add("version", agreement.getJsonNumber("version").longValue()).build().toString()));
    }

    /**
     * Moves the agreement to the status; to ACTIVE only after every party has signed ({@link #signedByEveryParty}),
     * as the application requires, so the tests that activate need not each sign.
     */
    public static Api.Reply moveTo(Api api, JsonObject agreement, String status) {
        if ("ACTIVE".equals(status)) {
            signedByEveryParty(id(agreement));
        }
        return api.post("api/agreements/" + id(agreement) + "/status", Json.createObjectBuilder()
                .add("status", status).add("on", "2026-12-31").add("reason", "Test")
                .add("version", agreement.getJsonNumber("version").longValue()).build().toString());
    }

    /**
     * The one place the tests sign: every party of a decided agreement that has not signed signs on paper, as the
     * administrator records it (an agreement not decided is left as it is; its activation is refused anyway).
     */
    public static void signedByEveryParty(long agreementId) {
        Api.Reply agreement = Api.admin().get("api/agreements/" + agreementId);
        if (agreement.status() != 200 || !"DECIDED".equals(agreement.json().getString("status"))) {
            return;
        }
        Api.Reply list = Api.admin().get("api/agreements/" + agreementId + "/signatures");
        assertEquals(200, list.status(), list.body());
        for (JsonObject p : list.jsonArray().getValuesAs(JsonObject.class)) {
            if (p.getBoolean("required") && !p.containsKey("signatureId")) {
                created(Api.admin().post("api/agreements/" + agreementId + "/signatures", Json.createObjectBuilder()
                        .add("partyId", p.getJsonNumber("partyId").longValue())
                        .add("signedBy", "Firmatecknare för " + p.getString("organisation"))
                        .add("signedOn", "2023-12-20").build().toString()));
            }
        }
    }

    /** A draft made DECIDED: parties, a decision, a complete eligibility assessment. */
    public static JsonObject decided(String nonProfit, String... more) {
        JsonObject a = draftWith(nonProfit, more);
        addDecision(id(a));
        JsonObject assessed = assessComplete(ok(Api.admin().get("api/agreements/" + id(a))));
        return ok(moveTo(Api.admin(), assessed, "DECIDED"));
    }

    public static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    public static long version(JsonObject o) {
        return o.getJsonNumber("version").longValue();
    }

    /**
     * What an update of an agreement takes, from the agreement as the API answered it: the API refuses
     * properties it does not take (id, status, parties…), so what was read is not sent back whole.
     */
    public static JsonObjectBuilder editable(JsonObject agreement) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String field : List.of("reference", "title", "background", "sharedValues", "goals", "targetGroup",
                "organisationOfWork", "followUpPlan", "startDate", "endDate", "noticeMonths", "version")) {
            if (agreement.containsKey(field)) {
                b.add(field, agreement.get(field));
            }
        }
        return b;
    }

    /** A copy of the object with one member replaced (JsonValue.NULL to send null). */
    public static JsonObjectBuilder with(JsonObject o, String name, JsonValue value) {
        return Json.createObjectBuilder(o).add(name, value);
    }
}
