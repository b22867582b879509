package se.iop.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What web.xml promises the foundation issue: sessions end after a while, state stays on the server,
 * expired views end on the friendly page, and the page areas are closed to roles that may not see them.
 */
class WebXmlTest {

    private static Document web;

    @BeforeAll
    static void read() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        web = f.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
    }

    private static List<Element> all(String tag) {
        NodeList nodes = web.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
    }

    @Test
    void sessionsTimeOutAndTheirCookieIsHttpOnly() {
        int minutes = Integer.parseInt(all("session-timeout").get(0).getTextContent().strip());
        assertTrue(minutes >= 10 && minutes <= 60, "session timeout " + minutes + " min");
        assertEquals("true", all("http-only").get(0).getTextContent().strip());
        assertEquals("COOKIE", all("tracking-mode").get(0).getTextContent().strip(), "no session id in URLs");
    }

    @Test
    void stateStaysOnTheServerAndExpiredViewsEndOnTheFriendlyPage() {
        boolean server = all("context-param").stream().anyMatch(p -> "jakarta.faces.STATE_SAVING_METHOD".equals(text(p, "param-name"))
                && "server".equals(text(p, "param-value")));
        assertTrue(server, "state saving on the server");
        for (String exception : List.of("jakarta.faces.application.ViewExpiredException", "jakarta.faces.application.ProtectedViewException")) {
            assertTrue(all("error-page").stream().anyMatch(e -> exception.equals(text(e, "exception-type"))
                    && "/expired.xhtml".equals(text(e, "location"))), exception);
        }
        assertTrue(all("error-page").stream().anyMatch(e -> "java.lang.Throwable".equals(text(e, "exception-type"))
                && "/error.xhtml".equals(text(e, "location"))));
        assertTrue(all("error-page").stream().anyMatch(e -> "403".equals(text(e, "error-code"))
                && "/error.xhtml".equals(text(e, "location"))));
    }

    @Test
    void pageAreasAreClosedToRolesThatMayNotSeeThem() {
        assertEquals(Set.of("ADMIN", "FINANCE", "AUDITOR", "PARTNER"), rolesFor("/organisations/*"));
        assertEquals(Set.of("ADMIN"), rolesFor("/organisations/edit.xhtml"));
        assertEquals(Set.of("ADMIN", "AUDITOR"), rolesFor("/accounts/*"));
        assertEquals(Set.of("ADMIN"), rolesFor("/accounts/edit.xhtml"));
        assertEquals(Set.of("ADMIN", "FINANCE", "PARTNER", "LANDLORD", "AUDITOR"), rolesFor("/accounts/me.xhtml"));
    }

    private static Set<String> rolesFor(String pattern) {
        List<Element> matching = all("security-constraint").stream().filter(c -> {
            NodeList patterns = c.getElementsByTagName("url-pattern");
            for (int i = 0; i < patterns.getLength(); i++) {
                if (pattern.equals(patterns.item(i).getTextContent().strip())) {
                    return true;
                }
            }
            return false;
        }).toList();
        assertEquals(1, matching.size(), "one constraint for " + pattern);
        Set<String> roles = new TreeSet<>();
        NodeList names = matching.get(0).getElementsByTagName("role-name");
        for (int i = 0; i < names.getLength(); i++) {
            roles.add(names.item(i).getTextContent().strip());
        }
        return roles;
    }
}
