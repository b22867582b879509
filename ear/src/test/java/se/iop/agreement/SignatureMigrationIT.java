package se.iop.agreement;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import se.iop.devdb.LocalDatabase;
import se.iop.setup.DatabaseMigration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The migration that brings signing to an existing database (V32), on a database of its own: agreements in every
 * status at V30 (the last before it here), then the migrations the application runs. Every party of an agreement that is or was in force
 * is marked as having signed before the system; drafts and decided agreements are left to be signed; and the
 * database itself refuses a signature for a party of another agreement, or a second one for a party.
 */
class SignatureMigrationIT {

    @Test
    void agreementsInForceAreMarkedSignedBeforeTheSystem() throws Exception {
        String name = System.getProperty("iop.it.database", "iop_it") + "_signing";
        try (LocalDatabase db = LocalDatabase.prepare(LocalDatabase.Settings.fromEnvironment(System.getenv())
                .withDatabase(name), null, true)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(db.jdbcUrl());
            ds.setUser(db.user());
            ds.setPassword(db.password());
            DatabaseMigration.flyway(ds).target("30").load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into organisation (id, name, organisation_number, kind) values
                            (1, 'Kommunen', '212000-0308', 'MUNICIPALITY'), (2, 'Föreningen', '802003-5120', 'NON_PROFIT'),
                            (3, 'Andra föreningen', '802011-4974', 'NON_PROFIT');
                        insert into agreement (id, reference, title, status, start_date, closed_on) values
                            (1, 'A1', 'Utkast', 'DRAFT', null, null), (2, 'A2', 'Beslutat', 'DECIDED', '2023-10-01', null),
                            (3, 'A3', 'I kraft', 'ACTIVE', '2023-10-01', null), (4, 'A4', 'Avslutat', 'ENDED', '2020-01-01', '2022-12-31'),
                            (5, 'A5', 'Uppsagt', 'TERMINATED', '2021-01-01', '2021-06-30');
                        insert into agreement_party (id, agreement_id, organisation_id, role, joined_on) values
                            (11, 1, 1, 'PUBLIC_PARTNER', null), (12, 1, 2, 'NON_PROFIT_PARTNER', null),
                            (21, 2, 1, 'PUBLIC_PARTNER', null), (22, 2, 2, 'NON_PROFIT_PARTNER', null),
                            (31, 3, 1, 'PUBLIC_PARTNER', null), (32, 3, 2, 'NON_PROFIT_PARTNER', null),
                            (33, 3, 3, 'NON_PROFIT_PARTNER', '2024-06-01'),
                            (41, 4, 1, 'PUBLIC_PARTNER', null), (42, 4, 2, 'NON_PROFIT_PARTNER', null),
                            (51, 5, 1, 'PUBLIC_PARTNER', null), (52, 5, 3, 'NON_PROFIT_PARTNER', null);
                        """);
            }
            DatabaseMigration.flyway(ds).load().migrate();

            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select agreement_id, party_id, method, signed_by, signed_on, content_id"
                        + " from agreement_signature order by party_id")) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                + " " + rs.getDate(5) + " " + rs.getObject(6));
                    }
                }
                assertEquals(List.of("3 31 BEFORE_SYSTEM null null null", "3 32 BEFORE_SYSTEM null null null",
                        "3 33 BEFORE_SYSTEM null null null", "4 41 BEFORE_SYSTEM null null null",
                        "4 42 BEFORE_SYSTEM null null null", "5 51 BEFORE_SYSTEM null null null",
                        "5 52 BEFORE_SYSTEM null null null"), rows);

                // What the database holds whoever writes: a party of this agreement, once, who and when for a new one.
                String insert = "insert into agreement_signature (agreement_id, party_id, method, signed_by, signed_on,"
                        + " recorded_at, recorded_by) values (%d, %d, '%s', %s, %s, now(), 'test')";
                s.execute(insert.formatted(2, 21, "PAPER", "'Anna'", "date '2023-09-28'"));
                assertRefused(s, insert.formatted(2, 12, "PAPER", "'Anna'", "date '2023-09-28'"), "23503");
                assertRefused(s, insert.formatted(2, 21, "PAPER", "'Anna'", "date '2023-09-28'"), "23505");
                assertRefused(s, insert.formatted(2, 22, "PAPER", "null", "null"), "23514");
                assertRefused(s, insert.formatted(2, 22, "UPLOAD", "'Erik'", "date '2023-09-28'"), "23514");
            }
        }
    }

    private static void assertRefused(Statement s, String sql, String sqlState) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
    }
}
