package se.iop.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The real iop.ear as the build made it, for Arquillian to deploy. */
public final class Deployments {

    private Deployments() {
    }

    /** For tests that talk to the application from outside, over HTTP or in a browser. */
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("iop.ear")));
    }

    /**
     * For tests that run inside the server: the given classes go into the EAR's web module, which
     * sees the EJB module, so the test can inject services and the EntityManager.
     */
    public static EnterpriseArchive withTestClasses(Class<?>... classes) {
        EnterpriseArchive ear = ear();
        WebArchive war = ear.getAsType(WebArchive.class, "iop-web.war");
        war.addClasses(classes);
        war.addClass(Deployments.class);
        ear.delete("iop-web.war");
        ear.addAsModule(war);
        return ear;
    }
}
