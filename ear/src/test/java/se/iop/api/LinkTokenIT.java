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
import se.iop.it.LandlordFixtures;
import se.iop.it.LandlordFixtures.User;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * The personal link in a landlord's e-mail: it opens the packet; the database keeps only the SHA-256 of
 * its token; after {@code IOP_LINK_DAYS} (90 by default) it leads to the login page, which says the link
 * has expired; a wrong token answers as an unknown one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LinkTokenIT {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    private record Mailed(User user, long versionId, String email, String token) {
    }

    private static Mailed mailed(String who) {
        String email = LandlordFixtures.email(who);
        JsonObject landlord = LandlordFixtures.company(email);
        User user = LandlordFixtures.landlordUser(landlord.getJsonNumber("organisationId").longValue());
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Länk " + who));
        LandlordFixtures.awaitSend(LandlordFixtures.send(id(p), 1, LandlordFixtures.to(id(landlord))).json()
                .getJsonNumber("sendId").longValue(), Duration.ofSeconds(30));
        long version = ok(Api.admin().get("api/packets/" + id(p) + "/versions/1")).getJsonNumber("id").longValue();
        return new Mailed(user, version, email, LandlordFixtures.mailedToken(email, 1));
    }

    private static HttpResponse<String> page(URI uri) {
        try {
            return NO_REDIRECTS.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> r) {
        assertEquals(302, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static Api.Reply follow(User user, String token) {
        return user.api().post("api/portal/links", Json.createObjectBuilder().add("token", token).build().toString());
    }

    private static void issuedDaysAgo(String token, int days) {
        try (var c = se.iop.it.ItDatabase.database().connect(); var s = c.prepareStatement(
                "update packet_delivery set link_issued_at = now() - make_interval(days => ?)"
                        + " where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")) {
            s.setInt(1, days);
            s.setString(2, token);
            assertEquals(1, s.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLinkFromTheMailOpensThePacketAndTheDatabaseHoldsOnlyItsHash() {
        Mailed m = mailed("lank-ok");
        assertTrue(m.token().length() >= 32, m.token());
        assertEquals(1L, ((Number) Rows.value("select count(*) from packet_delivery"
                + " where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", m.token())).longValue());
        assertEquals(0L, ((Number) Rows.value("select count(*) from packet_delivery d"
                + " where position(? in d::text) > 0", m.token())).longValue(), "no column holds the token itself");
        assertEquals(0L, ((Number) Rows.value("select count(*) from packet_delivery"
                + " where token_hash is not null and token_hash !~ '^[0-9a-f]{64}$'")).longValue(), "every link is hashed");

        // Without a login the page asks for one (and comes back to the link after it).
        String login = location(page(LandlordFixtures.link(m.token())));
        assertTrue(login.contains("/login.xhtml?returnTo=") && login.endsWith(m.token()), login);
        JsonObject opened = ok(follow(m.user(), m.token()));
        assertEquals(m.versionId(), opened.getJsonNumber("versionId").longValue());
        issuedDaysAgo(m.token(), 89);
        ok(follow(m.user(), m.token()));
    }

    @Test
    void anExpiredLinkLeadsToTheLoginPageThatSaysSo() {
        Mailed m = mailed("lank-gammal");
        issuedDaysAgo(m.token(), 91);
        String login = location(page(LandlordFixtures.link(m.token())));
        assertTrue(login.endsWith("/login.xhtml?link=expired"), login);
        HttpResponse<String> shown = page(URI.create(login.startsWith("http") ? login : Api.base().resolve(login).toString()));
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("Länken i e-postmeddelandet har slutat gälla"), shown.body());
        assertProblem(follow(m.user(), m.token()), 422, "token");
        assertEquals("SENT", Rows.value("select status from packet_delivery"
                + " where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", m.token()), "not opened by it");
        // The landlord still finds the packet in the portal.
        ok(m.user().api().get("api/portal/packets/" + m.versionId()));
    }

    @Test
    void aWrongTokenAnswersAsAnUnknownOne() {
        Mailed m = mailed("lank-fel");
        char last = m.token().charAt(m.token().length() - 1);
        String wrong = m.token().substring(0, m.token().length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknown = "x".repeat(m.token().length());
        Api.Reply wrongReply = follow(m.user(), wrong);
        Api.Reply unknownReply = follow(m.user(), unknown);
        assertProblem(wrongReply, 404, null);
        assertEquals(unknownReply.status(), wrongReply.status());
        assertEquals(unknownReply.body(), wrongReply.body());
        assertProblem(follow(m.user(), "kort"), 404, null);
        assertEquals(unknownReply.body(), follow(m.user(), "kort").body(), "a token of the wrong shape too");
        String toWrong = location(page(LandlordFixtures.link(wrong)));
        assertEquals(location(page(LandlordFixtures.link(unknown))).replace(unknown, "TOKEN"), toWrong.replace(wrong, "TOKEN"),
                "a wrong token is sent to the login page like an unknown one");
        assertFalse(toWrong.contains("expired"), toWrong);
        assertEquals("SENT", Rows.value("select status from packet_delivery"
                + " where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", m.token()));
    }
}
