package se.iop.report.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.primefaces.model.StreamedContent;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.common.Percent;
import se.iop.common.StaleVersion;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.OutcomeSummary;
import se.iop.report.boundary.ReportDetails;
import se.iop.report.entity.Measure;
import se.iop.report.entity.ReportAttachment;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.entity.ReportStatus;
import se.iop.web.HistoryValues;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One report, read: its counts as the service gives them (exact for the partner and the administrators,
 * small ones hidden for everyone else) and documents; administrators approve it or send it back with a
 * comment.
 */
@Named
@ViewScoped
public class ReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private ActivityReports reports;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found;
    private String comment;

    private transient ReportDetails report;
    private transient List<Change> changes;

    @Inject
    private History history;

    @Inject
    private HistoryValues historyValues;

    @PostConstruct
    void load() {
        try {
            id = idParam == null ? null : Long.valueOf(idParam.strip());
            if (id != null) {
                read();
                found = true;
            }
        } catch (NumberFormatException | NotFound | jakarta.ejb.EJBAccessException e) {
            found = false;
        }
        if (!found) {
            external().setResponseStatus(404);
        }
    }

    private void read() {
        report = reports.find(id);
        changes = null;
    }

    /** Who changed what in the report, newest first: for administrators and auditors. */
    public List<Change> getChanges() {
        if (changes == null && found && viewer.isHistoryVisible()) {
            changes = history.ofReport(id);
        }
        return changes == null ? List.of() : changes;
    }

    /** A history row's field: a count by its measure's name, the others by the report's own labels. */
    public String fieldLabel(String field) {
        for (String key : new String[] {"followup.measure." + field, "followup.report." + field}) {
            String label = ui.text(key);
            if (!label.equals(key)) {
                return label;
            }
        }
        return ui.fieldLabel(field);
    }

    public String historyValue(String field, String value) {
        return historyValues.show(field, value, Map.of("status", "followup.report.status."));
    }

    public ReportDetails getReport() {
        if (report == null && found) {
            read();
        }
        return report;
    }

    /** A count as this user may see it: "&lt; 3" for small ones unless exact. */
    public String count(Measure m) {
        return getReport().count(m).text();
    }

    public String retention() {
        var share = getReport().retention12();
        return Percent.format(share, ui.locale());
    }

    /** The intake cohorts as this user may see them. */
    public List<OutcomeSummary.CohortPoint> getCohorts() {
        return getReport().cohorts();
    }

    public String cohortLabel(OutcomeSummary.CohortPoint c) {
        return ReportPeriod.quarterOf(c.start()).label(ui.locale());
    }

    public String percent(BigDecimal value) {
        return Percent.format(value, ui.locale());
    }

    public Measure[] getMeasures() {
        return Measure.values();
    }

    public boolean isExact() {
        return getReport().exact();
    }

    public boolean isReviewable() {
        return found && viewer.isAdmin() && getReport().status() == ReportStatus.SUBMITTED;
    }

    public boolean isEditable() {
        return found && viewer.isPartner() && getReport().status().editable();
    }

    public void approve() {
        attempt(() -> reports.approve(id, getReport().version()), "followup.report.approved");
    }

    public void returnToPartner() {
        attempt(() -> reports.returnToPartner(id, getReport().version(), comment), "followup.report.returned");
    }

    private void attempt(Runnable change, String savedKey) {
        try {
            change.run();
            read();
            comment = null;
            ui.message(FacesMessage.SEVERITY_INFO, savedKey);
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "followup.stale");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public StreamedContent download(long attachmentId) {
        ReportAttachment a = reports.attachment(id, attachmentId);
        return Downloads.of(a.bytes(), a.contentType(), a.filename());
    }

    public List<ReportAttachment> getAttachments() {
        return getReport().attachments();
    }

    public String getReturnedBy() {
        return ui.text("followup.report.returnedNotice", getReport().reviewedBy());
    }

    public String size(ReportAttachment a) {
        return Downloads.size(a.sizeBytes(), ui);
    }

    public String period() {
        return getReport().period().label(ui.locale());
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
