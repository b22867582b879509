package se.iop.diary.control;

import se.iop.common.Days;
import se.iop.report.entity.PeriodKind;
import se.iop.report.entity.ReportPeriod;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Registers every document that has no entry yet, as the application would have when it made, received or sent
 * it: the migration that brings the diary to an existing database (V22_1), and the demo after it is loaded.
 * The order is fixed — by the document's date, then kind, then id — so the same data is always numbered alike;
 * each entry counts as registered on its document's date (its series is that date's year).
 */
public final class DiaryBackfill {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private DiaryBackfill() {
    }

    /** Registers what is missing through the connection (in its transaction); returns how many entries it made. */
    public static int registerMissing(Connection c, DiaryFormat format, String by) throws SQLException {
        List<Registration> missing = new ArrayList<>();
        LocalDate today = Days.today();
        query(c, "select a.id, a.reference, a.title, least(a.start_date, (select min(d.meeting_date)"
                + " from committee_decision d where d.agreement_id = a.id)) from agreement a"
                + missing("AGREEMENT", "a"), rs -> missing.add(Registration.agreement(rs.getLong(1), rs.getString(2),
                rs.getString(3), orToday(rs.getDate(4), today))));
        query(c, "select d.id, c.name, d.meeting_date, d.paragraph, a.title from committee_decision d"
                + " join committee c on c.id = d.committee_id join agreement a on a.id = d.agreement_id"
                + missing("COMMITTEE_DECISION", "d"), rs -> missing.add(Registration.decision(rs.getLong(1),
                rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5))));
        query(c, "select m.id, c.name, m.effective_on, o.name, a.title, m.description,"
                + " coalesce(d.meeting_date, m.effective_on) from amendment m join agreement a on a.id = m.agreement_id"
                + " left join committee_decision d on d.id = m.decision_id left join committee c on c.id = d.committee_id"
                + " left join agreement_party p on p.id = coalesce(m.added_party_id, m.left_party_id)"
                + " left join organisation o on o.id = p.organisation_id"
                + missing("AMENDMENT", "m"), rs -> missing.add(Registration.amendment(rs.getLong(1), rs.getString(2),
                rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getDate(7).toLocalDate())));
        query(c, "select r.id, o.name, r.period_kind, r.period_start, a.title, r.submitted_on from activity_report r"
                + " join organisation o on o.id = r.partner_id join agreement a on a.id = r.agreement_id"
                + missing("ACTIVITY_REPORT", "r") + " and r.submitted_on is not null",
                rs -> missing.add(Registration.report(rs.getLong(1), rs.getString(2), period(rs), rs.getString(5),
                        rs.getDate(6).toLocalDate())));
        query(c, "select f.id, o.name, r.period_kind, r.period_start, f.filename, r.submitted_on from report_attachment f"
                + " join activity_report r on r.id = f.report_id join organisation o on o.id = r.partner_id"
                + missing("REPORT_ATTACHMENT", "f") + " and r.submitted_on is not null",
                rs -> missing.add(Registration.attachment(rs.getLong(1), rs.getString(2), rs.getString(5), period(rs),
                        rs.getDate(6).toLocalDate())));
        query(c, "select n.id, coalesce(o.name, l.person_name), l.kind = 'PERSON', n.reported_at from contact_need n"
                + " join landlord l on l.id = n.landlord_id left join organisation o on o.id = l.organisation_id"
                + missing("CONTACT_NEED", "n"), rs -> missing.add(Registration.contactNeed(rs.getLong(1),
                rs.getString(2), rs.getBoolean(3), day(rs.getTimestamp(4)))));
        query(c, "select v.id, v.title, v.number, (select min(s.requested_at) from packet_send s"
                + " where s.packet_version_id = v.id) from packet_version v" + missing("PACKET_VERSION", "v")
                + " and exists (select 1 from packet_send s where s.packet_version_id = v.id)",
                rs -> missing.add(Registration.packetVersion(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        day(rs.getTimestamp(4)))));
        missing.sort(Comparator.comparing(Registration::date).thenComparing(Registration::kind)
                .thenComparingLong(Registration::documentId));
        Instant now = Instant.now();
        for (Registration r : missing) {
            insert(c, format, r, r.date(), now, by);
        }
        return missing.size();
    }

    /**
     * Takes the next number of the registration's series and stores the entry: the one way the diary numbers a
     * document outside JPA, with the same counter ({@code diary_next_number}) and format as the service.
     */
    static void insert(Connection c, DiaryFormat format, Registration r, LocalDate registeredOn, Instant at, String by)
            throws SQLException {
        String prefix = format.prefixFor(r.committee());
        int sequence;
        try (PreparedStatement ps = c.prepareStatement("select diary_next_number(?, ?)")) {
            ps.setString(1, prefix);
            ps.setInt(2, registeredOn.getYear());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sequence = rs.getInt(1);
            }
        }
        String counterpart = se.iop.diary.entity.RegistryEntry.cut(r.counterpart(),
                se.iop.diary.entity.RegistryEntry.COUNTERPART_MAX);
        try (PreparedStatement ps = c.prepareStatement("insert into registry_entry (number, prefix, series_year,"
                + " sequence, document_kind, document_id, direction, document_date, registered_on, registered_at,"
                + " registered_by, counterpart, counterpart_private, description)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, format.number(prefix, registeredOn.getYear(), sequence));
            ps.setString(2, prefix);
            ps.setInt(3, registeredOn.getYear());
            ps.setInt(4, sequence);
            ps.setString(5, r.kind().name());
            ps.setLong(6, r.documentId());
            ps.setString(7, r.direction().name());
            ps.setDate(8, Date.valueOf(r.date()));
            ps.setDate(9, Date.valueOf(registeredOn));
            ps.setTimestamp(10, Timestamp.from(at));
            ps.setString(11, by);
            ps.setString(12, counterpart);
            ps.setBoolean(13, r.counterpartPrivate() && counterpart != null);
            ps.setString(14, se.iop.diary.entity.RegistryEntry.cut(r.description(),
                    se.iop.diary.entity.RegistryEntry.DESCRIPTION_MAX));
            ps.executeUpdate();
        }
    }

    private static String missing(String kind, String alias) {
        return " where not exists (select 1 from registry_entry e where e.document_kind = '" + kind
                + "' and e.document_id = " + alias + ".id)";
    }

    private static String period(ResultSet rs) throws SQLException {
        return ReportPeriod.of(PeriodKind.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate()).label(SWEDISH);
    }

    private static LocalDate orToday(Date date, LocalDate today) {
        return date == null ? today : date.toLocalDate();
    }

    private static LocalDate day(Timestamp at) {
        return at.toInstant().atZone(Days.SWEDEN).toLocalDate();
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
