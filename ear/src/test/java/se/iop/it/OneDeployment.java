package se.iop.it;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.as.arquillian.api.ServerSetup;

/**
 * Deploys the plain {@code iop.ear} once per test JVM instead of once per test class: Arquillian would undeploy and
 * deploy it again between the classes of a tier (~7 s each on two cores, some 60 times a build), though every
 * class that talks to it from outside ({@code @Deployment(testable = false)}, {@link Deployments#ear()}) deploys the
 * same archive and leaves nothing in the server that the next needs gone (its data lives in the database). A class
 * that deploys something else (test classes inside the server, or a deployment of its own under another
 * configuration, or a {@code @ServerSetup} that changes the server around it) gets the server to itself: the kept deployment goes first, and the next plain class deploys it
 * again. Before the server stops, what is kept is undeployed, so the server's configuration keeps no deployment.
 */
public class OneDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    public static class Keeper {

        @Inject
        private Instance<TestClass> testClass;

        /** The plain deployment that is up and kept, with the container it is on; null when none is. */
        private Deployment kept;
        private DeployableContainer<?> keptOn;

        /**
         * The application as it is, for a class that changes nothing around its deployment: not one with a
         * {@code @ServerSetup}, whose set-up and tear-down run as its deployment is made and removed.
         */
        private boolean plain(DeploymentDescription d) {
            TestClass c = testClass.get();
            return d.managed() && !d.testable() && d.isArchiveDeployment()
                    && (c == null || !c.isAnnotationPresent(ServerSetup.class));
        }

        /** Below Arquillian's own (0), so that its container and deployment contexts are active here. */
        public void deploy(@Observes(precedence = -10) EventContext<DeployDeployment> context) throws Exception {
            Deployment wanted = context.getEvent().getDeployment();
            if (kept != null && plain(wanted.getDescription())) {
                wanted.deployed();
                return;
            }
            undeployKept();
            context.proceed();
            if (plain(wanted.getDescription()) && wanted.isDeployed()) {
                kept = wanted;
                keptOn = context.getEvent().getDeployableContainer();
            }
        }

        public void undeploy(@Observes(precedence = -10) EventContext<UnDeployDeployment> context) {
            if (kept != null && plain(context.getEvent().getDeployment().getDescription())) {
                context.getEvent().getDeployment().undeployed();
                return;
            }
            context.proceed();
        }

        public void beforeStop(@Observes BeforeStop event) throws Exception {
            undeployKept();
        }

        private void undeployKept() throws Exception {
            if (kept != null) {
                Deployment d = kept;
                kept = null;
                keptOn.undeploy(d.getDescription().getArchive());
            }
        }
    }
}
