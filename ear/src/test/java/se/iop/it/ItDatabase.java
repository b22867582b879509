package se.iop.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import se.iop.devdb.LocalDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Before any integration test runs: a fresh database for this run (dropped and created again) on the
 * PostgreSQL server named by the IOP_DB_* variables, or on an embedded one where none answers. Its
 * coordinates become system properties that arquillian.xml hands to the WildFly it starts.
 */
public class ItDatabase implements LauncherSessionListener {

    public static final String ADMIN_PASSWORD = "it-admin-password";
    /**
     * The PBKDF2 count the test servers give new password hashes ({@code iop.password.iterations}): the tests' API
     * clients send HTTP Basic with every request, which at the production count (210 000) would spend some 60 ms of
     * the two cores on each; the hashing itself is {@code PasswordHashTest}'s.
     */
    public static final String PASSWORD_ITERATIONS = "1000";
    private static LocalDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (database != null) {
            return;
        }
        try {
            String name = System.getProperty("iop.it.database", "iop_it");
            database = LocalDatabase.prepare(LocalDatabase.Settings.fromEnvironment(System.getenv()).withDatabase(name),
                    null, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database: " + e.getMessage(), e);
        }
        removeLeftoverDeployments();
        int offset = Integer.getInteger("iop.it.portOffset", 0);
        System.setProperty("iop.it.db.url", database.jdbcUrl());
        System.setProperty("iop.it.db.user", database.user());
        System.setProperty("iop.it.db.password", database.password());
        System.setProperty("iop.it.admin.password", ADMIN_PASSWORD);
        System.setProperty("iop.it.password.iterations", PASSWORD_ITERATIONS);
        System.setProperty("iop.it.managementPort", Integer.toString(9990 + offset));
        System.setProperty("iop.it.httpPort", Integer.toString(8080 + offset));
        System.setProperty("iop.it.smtp.port", Integer.toString(3025 + offset));
    }

    /** An iop.ear left in the deployment folder by ./run.sh would clash with the one Arquillian deploys. */
    private static void removeLeftoverDeployments() {
        String home = System.getProperty("jboss.home");
        if (home == null) {
            return;
        }
        java.io.File[] leftovers = new java.io.File(home, "standalone/deployments")
                .listFiles((dir, name) -> name.startsWith("iop.ear"));
        if (leftovers != null) {
            for (java.io.File f : leftovers) {
                f.delete();
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
            database = null;
        }
    }

    /** The test database, for tests that check what was (or was not) stored. */
    public static LocalDatabase database() {
        return database;
    }
}
