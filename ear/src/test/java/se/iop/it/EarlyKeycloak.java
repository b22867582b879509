package se.iop.it;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import se.iop.identity.ItProviders;

import java.util.Arrays;

/**
 * Starts Keycloak in the background when a test run begins whose plan holds a test class signing in through it
 * (one that extends with {@code ItProviders.Configured}), so that its ~30 s start overlaps the server's start and
 * the tests before; a run without such a class (a focused one) never starts it.
 */
public class EarlyKeycloak implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean needed = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(t -> t.getType() == TestDescriptor.Type.CONTAINER)
                .anyMatch(EarlyKeycloak::signsIn);
        if (needed) {
            Keycloak.startInBackground();
        }
    }

    private static boolean signsIn(TestIdentifier t) {
        if (t.getSource().orElse(null) instanceof ClassSource source) {
            try {
                ExtendWith extensions = source.getJavaClass().getAnnotation(ExtendWith.class);
                return extensions != null && Arrays.stream(extensions.value())
                        .anyMatch(e -> e == ItProviders.Configured.class);
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
        return false;
    }
}
