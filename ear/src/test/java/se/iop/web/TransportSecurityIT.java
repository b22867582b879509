package se.iop.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code IOP_PUBLIC_URL} https (set before the application is deployed, as an operator sets it
 * before the start), every answer carries HSTS and the session cookie is Secure. The TLS itself ends
 * in front of the server (a balancer); the test talks plain HTTP to it.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(TransportSecurityIT.PublicUrlOverTls.class)
class TransportSecurityIT {

    /** Sets the public address to https for this class's deployment, and back afterwards. */
    public static class PublicUrlOverTls implements ServerSetupTask {

        private String before;

        @Override
        public void setup(ManagementClient client, String containerId) throws Exception {
            before = System.getProperty("iop.it.httpPort");
            property(client, "https://iop.example.se/");
        }

        @Override
        public void tearDown(ManagementClient client, String containerId) throws Exception {
            // Back to what the server was started with (arquillian.xml), not removed: later tests read it.
            property(client, "http://127.0.0.1:" + before + "/");
        }

        private static void property(ManagementClient client, String value) throws Exception {
            ModelNode read = new ModelNode();
            read.get("operation").set("read-resource");
            read.get("address").add("system-property", "iop.public.url");
            boolean exists = "success".equals(client.getControllerClient().execute(read).get("outcome").asString());
            ModelNode op = new ModelNode();
            op.get("address").add("system-property", "iop.public.url");
            if (exists) {
                op.get("operation").set("write-attribute");
                op.get("name").set("value");
            } else {
                op.get("operation").set("add");
            }
            op.get("value").set(value);
            ModelNode result = client.getControllerClient().execute(op);
            assertEquals("success", result.get("outcome").asString(), result.toString());
        }
    }

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void overTlsEveryAnswerHasHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(Api.base().resolve("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(null));

        String basic = "Basic " + Base64.getEncoder().encodeToString("ekonom:bostadforst".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(Api.base().resolve("api/agreements?max=1"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode());
        assertEquals("max-age=31536000", api.headers().firstValue("Strict-Transport-Security").orElse(null));
        List<String> cookies = api.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty(), "a session after login");
        assertTrue(cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).allMatch(c -> c.matches("(?i).*;\\s*secure(;.*|$)")),
                cookies.toString());
    }
}
