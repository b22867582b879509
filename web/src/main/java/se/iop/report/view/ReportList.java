package se.iop.report.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.common.Bulk;
import se.iop.common.DomainException;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.ReportBrief;
import se.iop.report.boundary.ReportQuery;
import se.iop.report.entity.DueReport;
import se.iop.report.entity.ReportStatus;
import se.iop.web.BulkChoice;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports a user may see, with a status filter, and the reports that are due. A partner sees its
 * own organisation's; administrators, finance and auditors everyone's.
 */
@Named
@ViewScoped
public class ReportList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private ActivityReports reports;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "status")
    private String statusParam;

    private ReportStatus status;
    private boolean statusRead;

    /** The handed-in reports an administrator chose to approve in one action. */
    private final BulkChoice choice = new BulkChoice();

    private transient List<ReportBrief> rows;
    private transient List<DueReport> due;

    public void search() {
        rows = null;
    }

    public List<ReportBrief> getRows() {
        if (rows == null) {
            if (!viewer.isFollowUp()) {
                return List.of();
            }
            rows = reports.search(new ReportQuery(null, null, getStatus()));
            rows.forEach(r -> choice.shown(r.id(), r.version()));
        }
        return rows;
    }

    public BulkChoice getChoice() {
        return choice;
    }

    /** Whether the administrator may choose this report for approval: it is handed in. */
    public boolean approvable(ReportBrief r) {
        return viewer.isAdmin() && r.status() == ReportStatus.SUBMITTED;
    }

    /** Approves the chosen reports, each on its own: the page lists what was approved and what not, and why. */
    public void approveChosen() {
        Map<Long, String> labels = new HashMap<>();
        getRows().forEach(r -> labels.put(r.id(), r.partner().name() + ", " + period(r)));
        try {
            List<Bulk.Outcome> outcomes = reports.approveAll(choice.items());
            choice.show(outcomes, id -> labels.getOrDefault(id, "#" + id),
                    state -> ui.text("followup.report.status." + state), ui.locale());
            rows = null;
            ui.message(choice.getRefused() == 0 ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                    "bulk.result", choice.getDone(), choice.getRefused());
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public List<DueReport> getDue() {
        if (due == null) {
            due = viewer.isPartner() || viewer.isAdmin() ? reports.due() : List.of();
        }
        return due;
    }

    public String period(ReportBrief r) {
        return r.period().label(ui.locale());
    }

    public String period(DueReport d) {
        return d.period().label(ui.locale());
    }

    public ReportStatus[] getStatuses() {
        return ReportStatus.values();
    }

    /** Starts as the status request parameter, so the review queue can be linked to. */
    public ReportStatus getStatus() {
        if (!statusRead) {
            statusRead = true;
            try {
                status = statusParam == null || statusParam.isBlank() ? null : ReportStatus.valueOf(statusParam.strip());
            } catch (IllegalArgumentException e) {
                status = null;
            }
        }
        return status;
    }

    public void setStatus(ReportStatus status) {
        this.statusRead = true;
        this.status = status;
    }
}
