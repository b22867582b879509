package se.iop.report.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.agreement.boundary.AgreementBrief;
import se.iop.agreement.boundary.Agreements;
import se.iop.landlord.boundary.FlatPipeline;
import se.iop.landlord.boundary.PipelineRow;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.OutcomeSummaries;
import se.iop.report.boundary.OutcomeSummary;
import se.iop.report.boundary.ReportBrief;
import se.iop.report.boundary.ReportQuery;
import se.iop.report.boundary.ReturnedReport;
import se.iop.report.entity.DueReport;
import se.iop.report.entity.ReportStatus;
import se.iop.report.entity.SmallCounts;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The start page: outcomes over every agreement the user may see, as charts, with the reports that are
 * due and, for administrators, those waiting for review; a partner also sees the reports returned to it and its
 * own agreements. Landlords see none of the follow-up.
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

    @Inject
    private FlatPipeline flatPipeline;

    @Inject
    private Agreements agreements;

    // Read again after a session is restored rather than stored in it.
    private transient OutcomeSummary summary;
    private transient OutcomeCharts charts;
    private transient List<DueReport> due;
    private transient List<ReportBrief> waiting;
    private transient List<PipelineRow> pipeline;
    private transient List<ReturnedReport> returned;
    private transient List<AgreementBrief> mine;

    /** Flats per stage and landlord, small counts already hidden by the service; administrators and finance. */
    public List<PipelineRow> getPipeline() {
        if (pipeline == null) {
            pipeline = viewer.isAdmin() || viewer.isFinance() ? flatPipeline.pipeline() : List.of();
        }
        return pipeline;
    }

    /** A count the service hid (null) reads as the small-count sign. */
    public String count(Integer n) {
        return n == null ? SmallCounts.HIDDEN : Integer.toString(n);
    }

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

    /** A partner's reports sent back to it, with the reviewer's reason; the administrators see them among all reports. */
    public List<ReturnedReport> getReturned() {
        if (returned == null) {
            returned = viewer.isPartner() ? reports.returned() : List.of();
        }
        return returned;
    }

    /** A partner's own agreements, whatever their status (the service shows it no other organisation's). */
    public List<AgreementBrief> getMine() {
        if (mine == null) {
            mine = viewer.isPartner() ? agreements.briefs() : List.of();
        }
        return mine;
    }

    public String period(ReturnedReport r) {
        return r.period().label(ui.locale());
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

    /**
     * A landlord has no follow-up to see: its start is the portal, its packets unread first (called before the
     * start page is drawn).
     */
    public void landlordsToPortal() throws IOException {
        if (viewer.isLandlord() && !viewer.isFollowUp()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/portal/packets.xhtml");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }
}
