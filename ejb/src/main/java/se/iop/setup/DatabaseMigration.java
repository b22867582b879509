package se.iop.setup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import se.iop.common.DatabaseReadiness;
import se.iop.diary.control.V22_1__RegisterExistingDocuments;

import javax.sql.DataSource;
import java.util.logging.Logger;

/** Brings the schema up to date with the Flyway migrations in db/migration before anything else runs. */
@Singleton
@Startup
// Flyway manages its own transactions per migration.
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DatabaseReadiness.DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway(dataSource).load().migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /**
     * The migrations: the SQL files in db/migration and the Java ones named here (given, not found by scanning
     * the class path); also what a test migrates a database of its own with.
     */
    public static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V22_1__RegisterExistingDocuments());
    }
}
