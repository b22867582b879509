package se.iop.diary.control;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The migration that gives every document already in the database its diary entry (V22 made the diary), in the
 * format configured now. Registered with Flyway by {@link se.iop.setup.DatabaseMigration} (not found by scanning).
 */
public class V22_1__RegisterExistingDocuments extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        DiaryBackfill.registerMissing(context.getConnection(), DiaryFormat.configured(), "migration");
    }
}
