package se.iop.it;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys the plain {@code iop.ear} once per test JVM instead of once per test class: Arquillian would undeploy and
 * deploy it again between the classes of a tier (~7 s each on two cores, some 60 times a build), though every
 * class that talks to it from outside ({@code @Deployment(testable = false)}, {@link Deployments#ear()}) deploys the
 * same archive and leaves nothing in the server that the next needs gone (its data lives in the database). A class
 * that deploys something else (test classes inside the server, or a deployment of its own under another
 * configuration) gets the server to itself: the kept deployment goes first, and the next plain class deploys it
 * again. Before the server stops, what is kept is undeployed, so the server's configuration keeps no deployment.
 */
public class OneDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    public static class Keeper {

        /** The plain deployment that is up and kept, with the container it is on; null when none is. */
        private Deployment kept;
        private DeployableContainer<?> keptOn;

        private static boolean plain(DeploymentDescription d) {
            return d.managed() && !d.testable() && d.isArchiveDeployment();
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
