package se.iop.report.control;

import se.iop.common.SpreadsheetCell;
import se.iop.report.boundary.CommitteeReport;

import java.nio.charset.StandardCharsets;

import static se.iop.report.control.SwedishFormat.date;
import static se.iop.report.control.SwedishFormat.kronor;
import static se.iop.report.control.SwedishFormat.percent;
import static se.iop.report.control.SwedishFormat.text;

/**
 * The committee report's data as CSV: one row per fact, "avsnitt;uppgift;värde;detalj", separated by
 * semicolons and in UTF-8 with a byte-order mark, as Swedish spreadsheets open it. A cell that a
 * spreadsheet would take for a formula is written as text ({@link SpreadsheetCell}), a count as a number.
 */
public final class CommitteeReportCsv {

    private CommitteeReportCsv() {
    }

    public static byte[] render(CommitteeReport r) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, "avsnitt", "uppgift", "värde", "detalj");
        line(csv, "rapport", "kommun", r.municipality(), "");
        line(csv, "rapport", "datum", date(r.generatedOn()), "");
        line(csv, "rapport", "period", date(r.from()) + " – " + date(r.to()), "");
        line(csv, "avtal", "diarienummer", r.agreement().reference(), "");
        line(csv, "avtal", "titel", r.agreement().title(), "");
        line(csv, "avtal", "status", r.agreement().status(), "");
        line(csv, "avtal", "avtalsperiod", date(r.agreement().start()) + " – " + date(r.agreement().end()), "");
        for (String p : r.agreement().parties()) {
            line(csv, "avtal", "part", p, "");
        }
        line(csv, "avtal", "beslutade medel", kronor(r.agreement().decidedAmount()), "");
        for (CommitteeReport.Decision d : r.decisions()) {
            line(csv, "beslut", d.committee() + " " + date(d.meetingDate()), kronor(d.amount()),
                    text(d.paragraph()) + " " + text(d.diarienummer()));
        }
        for (CommitteeReport.Change c : r.amendments()) {
            line(csv, "ändring", date(c.effectiveOn()), c.description(), "");
        }
        CommitteeReport.Budget b = r.budget();
        line(csv, "budget", "tilldelat", kronor(b.allocated()), "");
        line(csv, "budget", "förbrukat", kronor(b.spent()), "");
        line(csv, "budget", "återstår", kronor(b.remaining()), "");
        line(csv, "budget", "använt av budgeten", percent(b.percentUsed()), "");
        line(csv, "budget", "förfluten tid", percent(b.percentTimeElapsed()), "");
        for (CommitteeReport.MilestoneLine m : r.milestones()) {
            line(csv, "milstolpe", m.title(), m.late() ? "Försenad" : m.status(),
                    "klar senast " + date(m.dueOn()) + (m.completedOn() == null ? "" : ", klar " + date(m.completedOn())));
        }
        line(csv, "utfall", "godkända rapporter", r.approvedReports(), "");
        for (CommitteeReport.Outcome o : r.outcomes()) {
            line(csv, "utfall", o.label(), o.shown(), o.field());
        }
        line(csv, "utfall", "andel som bor kvar efter 12 månader", r.retention12(), "referens 80 %");
        for (CommitteeReport.Cohort c : r.cohorts()) {
            String section = "kohort " + c.cohort();
            line(csv, section, "flyttade in", c.housed(), "");
            line(csv, section, "bor kvar efter 12 månader", c.retained12(), c.share12());
            line(csv, section, "bor kvar efter 24 månader", c.retained24(), c.share24());
            line(csv, section, "flyttat vidare till annan bostad", c.movedOn(), "");
            line(csv, section, "vräkta", c.evictions(), "");
            line(csv, section, "åter i hemlöshet", c.returnedHomeless(), "");
            line(csv, section, "kontrakt i eget namn", c.leasesOwn(), "");
        }
        for (CommitteeReport.Narrative n : r.narratives()) {
            line(csv, "berättelse", n.partner() + " – " + n.period(), n.text(), "");
        }
        for (CommitteeReport.Fidelity f : r.fidelity()) {
            for (CommitteeReport.FidelityDomain d : f.domains()) {
                line(csv, "programtrohet " + f.year(), d.name(), d.score(), "av " + d.max());
            }
            line(csv, "programtrohet " + f.year(), "totalt", f.total(), "av " + f.max() + " (" + f.share() + "), " + f.partner());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /** Neutralised by the one rule ({@link SpreadsheetCell}), then quoted as RFC 4180 asks. */
    public static String cell(Object value) {
        String v = SpreadsheetCell.csv(value);
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
