package se.iop.web;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Begins {@link ClusterFailoverIT}'s cluster in the background when a test run begins whose plan holds that class,
 * as {@link se.iop.it.EarlyKeycloak} does for Keycloak: its two nodes' start then overlaps the tests before it.
 */
public class EarlyCluster implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean planned = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(t -> t.getSource().orElse(null) instanceof ClassSource source
                        && source.getClassName().equals(ClusterFailoverIT.class.getName()));
        if (planned) {
            ClusterFailoverIT.startEarly();
        }
    }
}
