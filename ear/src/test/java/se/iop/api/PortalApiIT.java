package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.LandlordFixtures;
import se.iop.it.LandlordFixtures.User;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.LandlordFixtures.awaitSend;
import static se.iop.it.LandlordFixtures.send;
import static se.iop.it.LandlordFixtures.to;
import static se.iop.it.Problems.assertProblem;

/**
 * The landlord portal over the API: a landlord user sees only the packets sent to its own
 * organisation; another landlord's, guessed by id or by link, is "not found"; reading, opening and
 * acknowledging update the deliveries the administrator sees; contact needs reach the administrator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** A landlord company with a landlord user, sent a new published packet; returns its version id. */
    private record Sent(JsonObject landlord, User user, JsonObject packet, long versionId, String email) {
    }

    private static Sent sentTo(String who) {
        String email = LandlordFixtures.email(who);
        JsonObject landlord = LandlordFixtures.company(email);
        User user = LandlordFixtures.landlordUser(landlord.getJsonNumber("organisationId").longValue());
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Portal " + who));
        awaitSend(send(id(p), 1, to(id(landlord))).json().getJsonNumber("sendId").longValue(), WAIT);
        long versionId = ok(Api.admin().get("api/packets/" + id(p) + "/versions/1")).getJsonNumber("id").longValue();
        return new Sent(landlord, user, p, versionId, email);
    }

    private static JsonObject delivery(Sent s) {
        return LandlordFixtures.deliveries(id(s.packet()), 1).get(0);
    }

    @Test
    void aLandlordReadsOpensAndAcknowledgesItsPacket() throws Exception {
        Sent s = sentTo("las");
        List<JsonObject> mine = s.user().api().get("api/portal/packets").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, mine.size(), mine.toString());
        assertEquals(s.versionId(), mine.get(0).getJsonNumber("versionId").longValue());
        assertEquals("SENT", mine.get(0).getString("status"));

        JsonObject doc = ok(s.user().api().get("api/portal/packets/" + s.versionId()));
        assertEquals(2, doc.getJsonArray("sections").size());
        assertEquals("SENT", delivery(s).getString("status"), "reading through the API alone marks nothing");

        ok(s.user().api().post("api/portal/packets/" + s.versionId() + "/opened", ""));
        JsonObject opened = delivery(s);
        assertEquals("OPENED", opened.getString("status"));
        assertTrue(opened.containsKey("openedAt"));

        HttpResponse<byte[]> pdf = LandlordFixtures.bytes(s.user().username(), s.user().password(),
                "api/portal/packets/" + s.versionId() + "/pdf");
        assertEquals(200, pdf.statusCode());
        try (PDDocument d = Loader.loadPDF(pdf.body())) {
            assertTrue(new PDFTextStripper().getText(d).contains("Version 1, publicerad"));
        }

        JsonObject ack = ok(s.user().api().post("api/portal/packets/" + s.versionId() + "/acknowledge", ""));
        assertEquals("ACKNOWLEDGED", ack.getString("status"));
        JsonObject acknowledged = delivery(s);
        assertEquals("ACKNOWLEDGED", acknowledged.getString("status"));
        assertEquals(s.user().username(), acknowledged.getString("acknowledgedBy"));
        ok(s.user().api().post("api/portal/packets/" + s.versionId() + "/acknowledge", ""));
        assertEquals(acknowledged.getString("acknowledgedAt"), delivery(s).getString("acknowledgedAt"), "once is enough");

        JsonObject overview = ok(Api.admin().get("api/packets/" + id(s.packet()) + "/versions/1/overview"));
        assertEquals(1, overview.getInt("acknowledged"));
        assertEquals(0, overview.getInt("received"));
    }

    @Test
    void thePersonalLinkOpensTheDeliveryItBelongsTo() {
        Sent s = sentTo("lank");
        String token = LandlordFixtures.mailedToken(s.email(), 1);
        JsonObject link = ok(s.user().api().post("api/portal/links", Json.createObjectBuilder().add("token", token).build().toString()));
        assertEquals(s.versionId(), link.getJsonNumber("versionId").longValue());
        assertEquals("OPENED", delivery(s).getString("status"));
    }

    @Test
    void anotherLandlordsPacketIsNotFoundByIdOrByLink() {
        Sent mine = sentTo("min");
        Sent theirs = sentTo("deras");
        Api me = mine.user().api();
        long otherVersion = theirs.versionId();
        String otherToken = LandlordFixtures.mailedToken(theirs.email(), 1);

        JsonObject p = assertProblem(me.get("api/portal/packets/" + otherVersion), 404, null);
        JsonObject none = assertProblem(me.get("api/portal/packets/987654321"), 404, null);
        assertEquals(none.getString("title"), p.getString("title"), "the same answer as for an id that does not exist");
        assertProblem(me.post("api/portal/packets/" + otherVersion + "/acknowledge", ""), 404, null);
        assertProblem(me.post("api/portal/packets/" + otherVersion + "/opened", ""), 404, null);
        assertEquals(404, LandlordFixtures.bytes(mine.user().username(), mine.user().password(),
                "api/portal/packets/" + otherVersion + "/pdf").statusCode());
        assertProblem(me.post("api/portal/links", Json.createObjectBuilder().add("token", otherToken).build().toString()), 404, null);
        assertProblem(me.post("api/portal/links", "{\"token\":\"not-a-token-at-all-x\"}"), 404, null);
        assertEquals("SENT", delivery(theirs).getString("status"), "nothing of theirs changed");
        assertFalse(me.get("api/portal/packets").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(x -> x.getJsonNumber("versionId").longValue() == otherVersion));

        // The demo landlord sees the demo packet, not these.
        List<JsonObject> demo = Api.demo("hyresvard").get("api/portal/packets").jsonArray().getValuesAs(JsonObject.class);
        assertTrue(demo.stream().noneMatch(x -> x.getJsonNumber("versionId").longValue() == otherVersion
                || x.getJsonNumber("versionId").longValue() == mine.versionId()), demo.toString());
        assertTrue(demo.stream().anyMatch(x -> x.getString("title").equals("Bostad först – information till hyresvärdar")),
                demo.toString());

        // Other roles have no portal; landlords have nothing else.
        assertProblem(Api.admin().get("api/portal/packets"), 403, null);
        assertProblem(me.get("api/packets/" + id(theirs.packet()) + "/versions/1"), 403, null);
        assertProblem(me.get("api/landlords/" + id(theirs.landlord())), 403, null);
    }

    @Test
    void aContactNeedReachesTheAdministrator() {
        Sent s = sentTo("behov");
        String text = unique("Störande ljud nattetid i trapphus A");
        JsonObject need = created(s.user().api().post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "DISTURBANCE").add("description", text).build().toString()));
        assertEquals(s.landlord().getString("name"), need.getString("landlordName"));
        assertEquals(1, s.user().api().get("api/portal/contact-needs").jsonArray().size());

        JsonObject listed = Api.admin().get("api/contact-needs?open=true").jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("description").equals(text)).findFirst().orElseThrow();
        assertEquals("DISTURBANCE", listed.getString("category"));
        assertEquals(s.user().username(), listed.getString("reportedBy"));
        JsonObject handled = ok(Api.admin().post("api/contact-needs/" + id(listed) + "/handled", Json.createObjectBuilder()
                .add("note", "Teamet har pratat med hyresgästen.").add("version", Fixtures.version(listed)).build().toString()));
        assertTrue(handled.getBoolean("handled"));
        assertEquals("admin", handled.getString("handledBy"));
        assertTrue(Api.admin().get("api/contact-needs?open=true").jsonArray().getValuesAs(JsonObject.class).stream()
                .noneMatch(n -> n.getString("description").equals(text)));
        assertProblem(Api.admin().post("api/contact-needs/" + id(listed) + "/handled", "{}"), 409, "handled");

        long before = ((Number) Rows.value("select count(*) from contact_need")).longValue();
        assertProblem(s.user().api().post("api/portal/contact-needs", Json.createObjectBuilder().add("category", "DISTURBANCE")
                .add("description", "Hyresgästen 19850315-1238 stör").build().toString()), 422, "description");
        assertProblem(s.user().api().post("api/portal/contact-needs", "{\"category\":\"NOISE\",\"description\":\"x\"}"), 400, "category");
        assertProblem(s.user().api().post("api/portal/contact-needs", "{\"description\":\"x\"}"), 400, "category");
        assertEquals(before, ((Number) Rows.value("select count(*) from contact_need")).longValue());
        assertProblem(Api.demo("stadsmissionen").get("api/contact-needs"), 403, null);
        assertProblem(s.user().api().get("api/contact-needs"), 403, null);
    }
}
