package se.iop.report.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.OutcomeSummaries;
import se.iop.report.boundary.OutcomeSummary;
import se.iop.report.boundary.ReportBrief;
import se.iop.report.boundary.ReportQuery;
import se.iop.report.entity.DueReport;
import se.iop.report.entity.ReportStatus;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.List;

/**
 * The start page: outcomes over every agreement the user may see, as charts, with the reports that are
 * due and, for administrators, those waiting for review. Landlords see none of the follow-up.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private OutcomeSummaries outcomes;

    @Inject
    private ActivityReports reports;

    @Inject
    private Ui ui;

    // Read again after a session is restored rather than stored in it.
    private transient OutcomeSummary summary;
    private transient OutcomeCharts charts;
    private transient List<DueReport> due;
    private transient List<ReportBrief> waiting;

    /** The figures over every agreement in force, with the list of those agreements: read once, so the two agree. */
    private OutcomeSummary summary() {
        if (summary == null && viewer.isFollowUp()) {
            summary = outcomes.overall();
        }
        return summary;
    }

    public OutcomeCharts getCharts() {
        if (charts == null && summary() != null) {
            charts = new OutcomeCharts(summary(), ui);
        }
        return charts;
    }

    /** Reports due: a partner's own, everyone's for the administrators. */
    public List<DueReport> getDue() {
        if (due == null) {
            due = viewer.isAdmin() || viewer.isPartner() ? reports.due() : List.of();
        }
        return due;
    }

    /** The oldest eight; the report list has them all. */
    public List<DueReport> getDueShown() {
        return getDue().size() <= 8 ? getDue() : getDue().subList(0, 8);
    }

    public String getDueSummary() {
        return ui.text("followup.due.count", getDue().size(), getOverdueCount());
    }

    public long getOverdueCount() {
        return getDue().stream().filter(DueReport::overdue).count();
    }

    public List<ReportBrief> getWaiting() {
        if (waiting == null) {
            waiting = viewer.isAdmin() ? reports.search(new ReportQuery(null, null, ReportStatus.SUBMITTED)) : List.of();
        }
        return waiting;
    }

    /** The agreements that are or were in force — exactly those the charts count — each with a link to its own follow-up. */
    public List<OutcomeSummary.Followed> getAgreements() {
        return summary() == null ? List.of() : summary().agreements();
    }

    /** "Kvartal 3 2025" for a due report, in the user's language. */
    public String period(DueReport d) {
        return d.period().label(ui.locale());
    }

    public String period(ReportBrief r) {
        return r.period().label(ui.locale());
    }
}
