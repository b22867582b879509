package se.iop.api;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSmokeIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void adminListsTheDemoAgreements() {
        Api.Reply r = Api.admin().get("api/agreements");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("Bostad först Nyköping – fas 1"), r.body());
    }

    @Test
    void anonymousCallsAreChallenged() {
        Api.Reply r = Api.anonymous().get("api/agreements");
        assertEquals(401, r.status());
        assertTrue(r.header("WWW-Authenticate").startsWith("Basic"));
    }
}
