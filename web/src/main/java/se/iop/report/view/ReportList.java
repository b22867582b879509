package se.iop.report.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.ReportQuery;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.DueReport;
import se.iop.report.entity.ReportStatus;
import se.iop.web.Ui;

import java.io.Serializable;
import java.util.List;

/**
 * The reports a user may see, with a status filter, and the reports that are due. A partner sees its
 * own organisation's; administrators, finance and auditors everyone's.
 */
@Named
@ViewScoped
public class ReportList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ActivityReports reports;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "status")
    private String statusParam;

    private ReportStatus status;
    private boolean statusRead;

    private transient List<ActivityReport> rows;
    private transient List<DueReport> due;

    public void search() {
        rows = null;
    }

    /** Everyone but landlords takes part in the follow-up. */
    public boolean isFollowUp() {
        ExternalContext ec = external();
        return ec.isUserInRole("ADMIN") || ec.isUserInRole("FINANCE") || ec.isUserInRole("AUDITOR") || ec.isUserInRole("PARTNER");
    }

    public List<ActivityReport> getRows() {
        if (rows == null) {
            if (!isFollowUp()) {
                return List.of();
            }
            rows = reports.search(new ReportQuery(null, null, getStatus()));
        }
        return rows;
    }

    public List<DueReport> getDue() {
        if (due == null) {
            due = isPartner() || isAdmin() ? reports.due() : List.of();
        }
        return due;
    }

    public String period(ActivityReport r) {
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

    public boolean isPartner() {
        return external().isUserInRole("PARTNER");
    }

    public boolean isAdmin() {
        return external().isUserInRole("ADMIN");
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
