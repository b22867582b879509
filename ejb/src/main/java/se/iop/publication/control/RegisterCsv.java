package se.iop.publication.control;

import se.iop.publication.boundary.Register;
import se.iop.publication.boundary.Register.Decision;
import se.iop.publication.boundary.Register.Partnership;
import se.iop.publication.boundary.Register.Party;
import se.iop.report.boundary.OutcomeSummary.Count;
import se.iop.report.boundary.OutcomeSummary.QuarterPoint;
import se.iop.report.control.CommitteeReportCsv;
import se.iop.report.entity.Measure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The public register as CSV, in UTF-8 with a byte-order mark, cells separated by semicolons (as Swedish
 * spreadsheets open it) and quoted by the committee report's rule. The header line is the field names
 * documented in the README; they stay stable. Amounts and shares have a decimal comma ("850000,00", as the
 * house writes numbers in CSV), dates are ISO, a hidden count is "&lt; 3" and an empty one an empty cell.
 */
public final class RegisterCsv {

    /** The columns of the partnerships file: one row per partnership, party and decision ({@code record}). */
    public static final List<String> PARTNERSHIP_COLUMNS = List.of("record", "reference", "title", "status", "startDate",
            "endDate", "closedOn", "decidedAmount", "organisation", "role", "joinedOn", "leftOn", "committee",
            "meetingDate", "paragraph", "registrationNumber", "amount");

    private RegisterCsv() {
    }

    /** The columns of the outcomes file: one row per quarter. */
    public static List<String> outcomeColumns() {
        List<String> columns = new ArrayList<>(List.of("quarter", "start"));
        for (Measure m : Measure.values()) {
            columns.add(m.field());
        }
        columns.addAll(List.of("leasesToDate", "retention12", "retention6"));
        return columns;
    }

    public static byte[] partnerships(Register register) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, new ArrayList<>(PARTNERSHIP_COLUMNS));
        for (Partnership p : register.partnerships()) {
            line(csv, row("partnership", p, p.title(), p.status(), p.startDate(), p.endDate(), p.closedOn(),
                    p.decidedAmount(), null, null, null, null, null, null, null, null, null));
            for (Party party : p.parties()) {
                line(csv, row("party", p, null, null, null, null, null, null, party.organisation(), party.role(),
                        party.joinedOn(), party.leftOn(), null, null, null, null, null));
            }
            for (Decision d : p.decisions()) {
                line(csv, row("decision", p, null, null, null, null, null, null, null, null, null, null,
                        d.committee(), d.meetingDate(), d.paragraph(), d.registrationNumber(), d.amount()));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] outcomes(Register register) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, new ArrayList<>(outcomeColumns()));
        for (QuarterPoint q : register.outcomes()) {
            List<Object> cells = new ArrayList<>(List.of(q.quarter(), q.start()));
            for (Measure m : Measure.values()) {
                cells.add(count(q.count(m.field())));
            }
            cells.add(count(q.leasesToDate()));
            cells.add(q.retention12());
            cells.add(q.retention6());
            line(csv, cells);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> row(String record, Partnership p, Object... rest) {
        List<Object> cells = new ArrayList<>();
        cells.add(record);
        cells.add(p.reference());
        for (Object o : rest) {
            cells.add(o);
        }
        return cells;
    }

    /** A hidden count as "&lt; 3", an empty one as an empty cell, else the number. */
    private static Object count(Count c) {
        if (c == null || (c.value() == null && !c.hidden())) {
            return null;
        }
        return c.text();
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            Object v = cells.get(i);
            csv.append(v == null ? "" : CommitteeReportCsv.cell(v));
        }
        csv.append("\r\n");
    }
}
