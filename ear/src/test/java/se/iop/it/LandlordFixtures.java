package se.iop.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import se.iop.account.entity.PasswordHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;

/** Landlords, packets and landlord users for the landlord tests, each unique per call. */
public final class LandlordFixtures {

    public static final String PASSWORD = "landlord-it-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LandlordFixtures() {
    }

    /** The landlord feature's tables, audit tables and revisions included: did a refused request store anything? */
    public static final java.util.List<String> TABLES = java.util.List.of("organisation", "organisation_aud", "landlord",
            "landlord_aud", "landlord_contact", "landlord_contact_aud", "landlord_contact_note", "offered_flat", "flat_stage",
            "information_packet", "packet_version", "packet_section", "packet_support_contact", "packet_send",
            "packet_delivery", "contact_need", "revision");

    public static java.util.Map<String, Long> rows() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, ((Number) Rows.value("select count(*) from " + table)).longValue());
        }
        return counts;
    }

    /** A unique e-mail address, so a test finds exactly its own messages. */
    public static String email(String who) {
        return (who + "." + Fixtures.unique("").strip()).toLowerCase() + "@example.se";
    }

    /** The body that makes a housing company with one contact at the address (the cluster tests make hundreds). */
    public static String companyBody(String name, String email) {
        return Json.createObjectBuilder().add("kind", "COMPANY").add("name", name)
                .add("organisationNumber", Fixtures.organisationNumber()).add("address", "Testgatan 1")
                .add("contact", Json.createObjectBuilder().add("name", "Kim Kontakt").add("role", "Förvaltare").add("email", email))
                .build().toString();
    }

    /** A new housing company (organisation and landlord) with one contact at the given address. */
    public static JsonObject company(String email) {
        return created(Api.admin().post("api/landlords", Json.createObjectBuilder()
                .add("kind", "COMPANY").add("name", Fixtures.unique("IT Fastigheter AB"))
                .add("organisationNumber", Fixtures.organisationNumber()).add("address", "Testgatan 1, Nyköping")
                .add("contact", Json.createObjectBuilder().add("name", "Kim Kontakt").add("role", "Förvaltare")
                        .add("email", email).add("phone", "0155-12 34 56"))
                .build().toString()));
    }

    public static JsonObjectBuilder section(String heading, String body) {
        return Json.createObjectBuilder().add("heading", heading).add("body", body);
    }

    /** A draft packet on a fresh agreement with Nyköpings kommun and Sörmlands Stadsmission as parties. */
    public static JsonObject draftPacket(String title) {
        long agreement = id(Fixtures.draftWith(Fixtures.STADSMISSION));
        JsonArrayBuilder sections = Json.createArrayBuilder()
                .add(section("Vad är Bostad först?", "En egen lägenhet först, sedan stöd."))
                .add(section("Vem ringer jag dygnet runt?", "Stadsmissionens jour: 0155-00 00 99."));
        return created(Api.admin().post("api/packets", Json.createObjectBuilder().add("agreementId", agreement)
                .add("title", title).add("sections", sections).build().toString()));
    }

    /** A published version 1 of a new packet. */
    public static JsonObject publishedPacket(String title) {
        JsonObject p = draftPacket(title);
        ok(Api.admin().post("api/packets/" + id(p) + "/versions/1/publish", "{}"));
        return ok(Api.admin().get("api/packets/" + id(p)));
    }

    public static Api.Reply send(long packetId, int number, JsonObjectBuilder body) {
        return Api.admin().post("api/packets/" + packetId + "/versions/" + number + "/sends", body.build().toString());
    }

    public static JsonObjectBuilder to(long... landlordIds) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (long l : landlordIds) {
            ids.add(l);
        }
        return Json.createObjectBuilder().add("landlordIds", ids);
    }

    /** Polls the send until nothing is pending; returns its last progress. */
    public static JsonObject awaitSend(long sendId, Duration timeout) {
        return awaitJson("api/sends/" + sendId, p -> p.getBoolean("finished"), timeout);
    }

    /** Polls a JSON resource as the administrator until the condition holds. */
    public static JsonObject awaitJson(String path, Predicate<JsonObject> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        JsonObject last = ok(Api.admin().get(path));
        while (!done.test(last) && System.nanoTime() < end) {
            Smtp.sleep(200);
            last = ok(Api.admin().get(path));
        }
        if (!done.test(last)) {
            throw new AssertionError("not reached in " + timeout + ": " + last);
        }
        return last;
    }

    /** The deliveries of a version, as the administrator sees them. */
    public static java.util.List<JsonObject> deliveries(long packetId, int number) {
        Api.Reply r = Api.admin().get("api/packets/" + packetId + "/versions/" + number + "/deliveries");
        assertEquals(200, r.status(), r.body());
        return r.jsonArray().getValuesAs(JsonObject.class);
    }

    /**
     * A LANDLORD user for the landlord's organisation, written straight into the test database (a test needs a
     * second landlord to check what one may not see; {@code PrivateLandlordIT} makes its accounts through the API).
     */
    public static User landlordUser(long organisationId) {
        String username = ("it-hv-" + Fixtures.unique("").strip()).toLowerCase();
        try (Connection c = ItDatabase.database().connect()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into account (username, password_hash, display_name,"
                    + " organisation_id) values (?, ?, ?, ?) returning id")) {
                ps.setString(1, username);
                ps.setString(2, PasswordHash.of(PASSWORD.toCharArray()));
                ps.setString(3, "IT hyresvärd");
                ps.setLong(4, organisationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into account_role (account_id, role) values (?, 'LANDLORD')")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new User(username, PASSWORD, Api.as(username, PASSWORD));
    }

    /** A user's name and password, and an API client as that user. */
    public record User(String username, String password, Api api) {
    }

    /** A PDF (or whatever the server answers) as bytes, with the given accept header. */
    public static HttpResponse<byte[]> bytes(String username, String password, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/pdf")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static URI link(String token) {
        return Api.base().resolve("portal/packet.xhtml?token=" + token);
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("/portal/packet\\.xhtml\\?token=([A-Za-z0-9_-]+)");

    /**
     * The token of the personal link in the latest mail to this address (waiting for {@code count} mails):
     * the e-mail is the only place it exists, the database keeps its hash.
     */
    public static String mailedToken(String email, int count) {
        java.util.List<jakarta.mail.internet.MimeMessage> mails = Smtp.await(email, count, Duration.ofSeconds(30));
        try {
            String letter = (String) ((jakarta.mail.Multipart) mails.get(mails.size() - 1).getContent()).getBodyPart(0).getContent();
            java.util.regex.Matcher m = TOKEN.matcher(letter);
            if (!m.find()) {
                throw new AssertionError("no personal link in: " + letter);
            }
            return m.group(1);
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
