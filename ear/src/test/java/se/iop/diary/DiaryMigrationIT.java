package se.iop.diary;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import se.iop.devdb.LocalDatabase;
import se.iop.setup.DatabaseMigration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migration that brings the diary to an existing database (V22, V22_1), on a database of its own: the schema up
 * to V21 with documents of every kind in it, then the migrations the application runs; every document that the
 * application would have registered gets its entry, numbered by date, kind and id in its committee's yearly series.
 */
class DiaryMigrationIT {

    @AfterEach
    void settingsBack() {
        System.clearProperty("iop.diary.prefixes");
    }

    @Test
    void existingDocumentsAreNumberedInTheirSeriesByDate() throws Exception {
        System.setProperty("iop.diary.prefixes", "Socialnämnden=SN");
        String name = System.getProperty("iop.it.database", "iop_it") + "_migration";
        try (LocalDatabase db = LocalDatabase.prepare(LocalDatabase.Settings.fromEnvironment(System.getenv())
                .withDatabase(name), null, true)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(db.jdbcUrl());
            ds.setUser(db.user());
            ds.setPassword(db.password());
            DatabaseMigration.flyway(ds).target("21").load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into organisation (id, name, organisation_number, kind) values
                            (1, 'Kommunen', '212000-0308', 'MUNICIPALITY'), (2, 'Föreningen', '802003-5120', 'NON_PROFIT');
                        insert into committee (id, organisation_id, name) values (1, 1, 'Socialnämnden'), (2, 1, 'Kommunstyrelsen');
                        insert into agreement (id, reference, title, status, start_date) values
                            (1, 'SN 2023/0412', 'Fas 1', 'DECIDED', '2023-10-01'), (2, 'KS 2025/1', 'Fas 2', 'DRAFT', null);
                        insert into committee_decision (id, agreement_id, committee_id, meeting_date, paragraph) values
                            (1, 1, 1, '2023-09-14', '§ 12'), (2, 1, 2, '2023-09-14', '§ 3');
                        insert into amendment (id, agreement_id, effective_on, description, decision_id) values
                            (1, 1, '2024-06-01', 'Ny part', 1);
                        insert into activity_report (id, agreement_id, partner_id, period_kind, period_start, period_end, status,
                            created_by, submitted_on, submitted_by) values
                            (1, 1, 2, 'QUARTER', '2024-01-01', '2024-03-31', 'SUBMITTED', 'p', '2024-04-10', 'p'),
                            (2, 1, 2, 'QUARTER', '2024-04-01', '2024-06-30', 'DRAFT', 'p', null, null);
                        insert into attachment_content (id, bytes) values (1, 'x'), (2, 'y');
                        insert into report_attachment (id, report_id, filename, content_type, size_bytes, uploaded_at, uploaded_by,
                            content_id) values (1, 1, 'underlag.pdf', 'application/pdf', 1, '2024-04-09T10:00:00Z', 'p', 1),
                            (2, 2, 'utkast.pdf', 'application/pdf', 1, '2024-05-09T10:00:00Z', 'p', 2);
                        insert into landlord (id, kind, person_name) values (1, 'PERSON', 'Karin Privat');
                        insert into contact_need (id, landlord_id, category, description, reported_by, reported_at) values
                            (1, 1, 'OTHER', 'Ring mig', 'karin', '2024-02-20T08:00:00Z');
                        insert into information_packet (id, agreement_id, created_at) values (1, 1, '2024-02-01T08:00:00Z');
                        insert into packet_version (id, packet_id, number, status, title, published_at, published_by) values
                            (1, 1, 1, 'PUBLISHED', 'Till hyresvärdar', '2024-02-15T08:00:00Z', 'a'),
                            (2, 1, 2, 'DRAFT', 'Utkast', null, null);
                        insert into packet_send (id, packet_version_id, requested_by, requested_at) values
                            (1, 1, 'a', '2024-02-16T08:00:00Z');
                        """);
            }
            DatabaseMigration.flyway(ds).load().migrate();

            int year = LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("COMMITTEE_DECISION 1", "SN 2023/0001 DRAWN_UP 2023-09-14 Socialnämnden false");
            expected.put("AMENDMENT 1", "SN 2023/0002 DRAWN_UP 2023-09-14 null false");
            expected.put("AGREEMENT 1", "IOP 2023/0001 DRAWN_UP 2023-09-14 null false");
            expected.put("COMMITTEE_DECISION 2", "IOP 2023/0002 DRAWN_UP 2023-09-14 Kommunstyrelsen false");
            expected.put("PACKET_VERSION 1", "IOP 2024/0001 OUTGOING 2024-02-16 Hyresvärdar false");
            expected.put("CONTACT_NEED 1", "IOP 2024/0002 INCOMING 2024-02-20 Karin Privat true");
            expected.put("ACTIVITY_REPORT 1", "IOP 2024/0003 INCOMING 2024-04-10 Föreningen false");
            expected.put("REPORT_ATTACHMENT 1", "IOP 2024/0004 INCOMING 2024-04-10 Föreningen false");
            expected.put("AGREEMENT 2", "IOP " + year + "/0001 DRAWN_UP " + LocalDate.now(ZoneId.of("Europe/Stockholm"))
                    + " null false");
            Map<String, String> found = new LinkedHashMap<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select document_kind || ' ' || document_id, number || ' ' || direction || ' ' || document_date || ' '"
                            + " || coalesce(counterpart, 'null') || ' ' || counterpart_private from registry_entry"
                            + " order by prefix desc, series_year, sequence")) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
                assertEquals(expected, found, "no draft report, no unsent version, everything else in order");
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select prefix || ' ' || series_year || ' ' || last_number from registry_series order by 1")) {
                StringBuilder series = new StringBuilder();
                while (rs.next()) {
                    series.append(rs.getString(1)).append(';');
                }
                assertEquals("IOP 2023 2;IOP 2024 4;IOP " + year + " 1;SN 2023 2;", series.toString(),
                        "the counters go on after the numbers given");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
