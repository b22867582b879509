package se.iop.web;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Management;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cap on sessions: the deployment takes it from the server's configuration (IOP_MAX_SESSIONS,
 * default 10 000), and a login beyond it gets a clear 503 page, not an error or a full heap. Deployed
 * by the test itself, after the server was given a cap of 3 for it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLimitsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "capped", managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpResponse<String> login(String user) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(Api.base().resolve("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = VIEW_STATE.matcher(page.body());
        assertTrue(m.find(), page.body());
        String form = "login=login&login%3Ausername=" + user + "&login%3Apassword=bostadforst&login%3Asubmit="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(Api.base().resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLoginBeyondTheCapGetsAClear503Page() throws Exception {
        try (Management server = Management.itServer()) {
            server.systemProperty("iop.max.sessions", "3");
            try {
                deployer.deploy("capped");
                try {
                    assertEquals(3, server.maxActiveSessions(), "the cap as the server configured it");
                    List<String> users = List.of("handlaggare", "ekonom", "revisor");
                    List<HttpResponse<String>> in = new ArrayList<>();
                    for (String user : users) {
                        in.add(login(user));
                    }
                    for (HttpResponse<String> r : in) {
                        assertEquals(302, r.statusCode(), r.body());
                    }
                    assertEquals(3, server.activeSessions());

                    HttpResponse<String> full = login("verdandi");
                    assertEquals(503, full.statusCode(), full.body());
                    assertTrue(full.headers().firstValue("Retry-After").isPresent(), full.headers().map().toString());
                    assertTrue(full.body().contains("Just nu är för många inloggade"), full.body());
                    String visible = full.body().replaceAll("(?s)<script.*?</script>", "");
                    assertFalse(visible.contains("Exception") || visible.contains("\tat "), full.body());
                    assertEquals(3, server.activeSessions(), "no session beyond the cap");
                    // Anonymous visitors still get the login page, and make no session.
                    assertEquals(302, HTTP.send(HttpRequest.newBuilder(Api.base().resolve("agreements/list.xhtml")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode());
                    assertEquals(3, server.activeSessions());
                } finally {
                    deployer.undeploy("capped");
                }
            } finally {
                server.systemProperty("iop.max.sessions", null);
            }
        }
    }

    @Test
    void theDefaultCapIsTenThousand() throws Exception {
        deployer.deploy("capped");
        try (Management server = Management.itServer()) {
            assertEquals(10_000, server.maxActiveSessions());
        } finally {
            deployer.undeploy("capped");
        }
    }
}
