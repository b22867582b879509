package se.iop.report.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.common.Days;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.common.StaleVersion;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.ReportDetails;
import se.iop.report.boundary.ReportDraft;
import se.iop.report.entity.CohortFigures;
import se.iop.report.entity.Measure;
import se.iop.report.entity.ReportAttachment;
import se.iop.report.entity.ReportPeriod;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A partner writes a report: a new one (for an agreement and a period, possibly from a reminder) or
 * its draft or returned report; saves it, attaches documents and hands it in. What is typed stays when
 * the service refuses it.
 */
@Named
@ViewScoped
public class ReportEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private ActivityReports reports;

    @Inject
    private Agreements agreements;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    @Inject
    @Param(name = "agreement")
    private String agreementParam;

    @Inject
    @Param(name = "period")
    private String periodParam;

    private Long id;
    private Long version;
    private boolean found = true;
    private Long agreementId;
    private String period;
    private String narrative;
    private BigDecimal costs;
    private List<CountField> counts = new ArrayList<>();
    private List<CohortRow> cohorts = new ArrayList<>();
    private String newCohort;

    private transient ReportDetails report;

    @PostConstruct
    void load() {
        for (Measure m : Measure.values()) {
            counts.add(new CountField(m, null));
        }
        if (!viewer.isPartner()) {
            found = false;
        } else if (idParam != null) {
            try {
                id = Long.valueOf(idParam.strip());
                read();
            } catch (NumberFormatException | NotFound e) {
                found = false;
            }
        } else {
            agreementId = parse(agreementParam);
            period = periodParam;
        }
        if (!found) {
            external().setResponseStatus(404);
        }
    }

    private void read() {
        report = reports.find(id);
        version = report.version();
        agreementId = report.agreement().id();
        period = report.period().code();
        narrative = report.narrative();
        costs = report.costs();
        counts.forEach(c -> c.setValue(report.count(c.getMeasure()).value())); // exact: the partner's own report
        cohorts = new ArrayList<>(report.cohorts().stream()
                .map(c -> CohortRow.of(c, ReportPeriod.quarterOf(c.start()).label(ui.locale()))).toList());
    }

    private ReportDraft draft() {
        Map<Measure, Integer> map = new EnumMap<>(Measure.class);
        counts.forEach(c -> map.put(c.getMeasure(), c.getValue()));
        List<CohortFigures> figures = new ArrayList<>();
        for (CohortRow row : cohorts) {
            if (!row.isBlank()) {
                figures.add(row.figures(figures.size()));
            }
        }
        if (!figures.isEmpty()) {
            // With cohorts the 12-month tenancies are counted from them (the one source); what the form shows is theirs.
            map.put(Measure.TENANCIES_12_DUE, null);
            map.put(Measure.TENANCIES_12_KEPT, null);
        }
        return new ReportDraft(agreementId, period, narrative, map, figures, costs);
    }

    /** Adds a row for the intake cohort chosen, kept in quarter order. */
    public void addCohort() {
        if (newCohort == null || cohorts.stream().anyMatch(c -> c.getCohort().equals(newCohort))) {
            return;
        }
        ReportPeriod q = ReportPeriod.parse(newCohort);
        cohorts.add(new CohortRow(q.code(), q.label(ui.locale())));
        cohorts.sort(Comparator.comparing(c -> ReportPeriod.parse(c.getCohort())));
        newCohort = null;
    }

    public void removeCohort(String cohort) {
        cohorts.removeIf(c -> c.getCohort().equals(cohort));
    }

    /** The quarters from the agreement's start until today not yet in the form, newest first. */
    public List<SelectItem> getCohortChoices() {
        List<SelectItem> items = new ArrayList<>();
        if (agreementId == null) {
            return items;
        }
        Agreement a;
        try {
            a = agreements.find(agreementId);
        } catch (NotFound e) {
            return items;
        }
        LocalDate today = Days.today();
        LocalDate start = a.period().start() == null ? today : a.period().start();
        for (ReportPeriod q = ReportPeriod.quarterOf(today); !q.end().isBefore(start); q = ReportPeriod.quarterOf(q.start().minusDays(1))) {
            String code = q.code();
            if (cohorts.stream().noneMatch(c -> c.getCohort().equals(code))) {
                items.add(new SelectItem(code, q.label(ui.locale())));
            }
        }
        return items;
    }

    public String cohortFieldLabel(CohortRow row, String field) {
        return row.getLabel() + ": " + ui.text("cohort." + field);
    }

    public String removeCohortLabel(CohortRow row) {
        return ui.text("cohort.removeLabel", row.getLabel());
    }

    public List<CohortRow> getCohorts() {
        return cohorts;
    }

    public String getNewCohort() {
        return newCohort;
    }

    public void setNewCohort(String newCohort) {
        this.newCohort = newCohort;
    }

    /** Saves the draft; a new report then opens as itself, so documents can be attached. */
    public String save() {
        boolean created = id == null;
        if (!store()) {
            return null;
        }
        ui.message(FacesMessage.SEVERITY_INFO, "followup.report.saved");
        external().getFlash().setKeepMessages(true);
        return created ? "/reports/edit?faces-redirect=true&id=" + id : null;
    }

    /** Saves and hands in; then the report opens read-only, waiting for review. */
    public String submit() {
        if (!store()) {
            return null;
        }
        try {
            reports.submit(id, version);
        } catch (StaleVersion e) {
            stale();
            return null;
        } catch (DomainException e) {
            refused(e);
            return null;
        }
        ui.message(FacesMessage.SEVERITY_INFO, "followup.report.submitted");
        external().getFlash().setKeepMessages(true);
        return "/reports/view?faces-redirect=true&id=" + id;
    }

    public String delete() {
        try {
            reports.delete(id, version);
        } catch (StaleVersion e) {
            stale();
            return null;
        } catch (DomainException e) {
            ui.refused(e);
            return null;
        }
        ui.message(FacesMessage.SEVERITY_INFO, "followup.report.deleted");
        external().getFlash().setKeepMessages(true);
        return "/reports/list?faces-redirect=true";
    }

    private boolean store() {
        try {
            ReportDetails saved = id == null ? reports.create(draft()) : reports.revise(id, version, draft());
            id = saved.id();
            version = saved.version();
            report = null;
            return true;
        } catch (StaleVersion e) {
            stale();
        } catch (DomainException e) {
            refused(e);
        }
        return false;
    }

    /** A cohort's refusal names the cohort and the figure in its own words; the others get the field's label. */
    private void refused(DomainException e) {
        if (e.field() != null && e.field().startsWith("cohorts[")) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.message(ui.locale()), null));
            faces.validationFailed();
        } else {
            ui.refused(e);
        }
    }

    private void stale() {
        ui.message(FacesMessage.SEVERITY_ERROR, "followup.stale");
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A document from p:fileUpload: its name, type and bytes are checked by the service, not trusted here. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try {
            reports.attach(id, file.getFileName(), file.getContentType(), file.getContent());
            ui.message(FacesMessage.SEVERITY_INFO, "followup.attachment.saved", file.getFileName());
            refresh();
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public void detach(long attachmentId) {
        try {
            reports.detach(id, attachmentId);
            ui.message(FacesMessage.SEVERITY_INFO, "followup.attachment.removed");
            refresh();
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    private void refresh() {
        report = reports.find(id);
        version = report.version();
    }

    public org.primefaces.model.StreamedContent download(long attachmentId) {
        ReportAttachment a = reports.attachment(id, attachmentId);
        return Downloads.of(a.bytes(), a.contentType(), a.filename());
    }

    public String getReturnedBy() {
        return ui.text("followup.report.returnedNotice", getReport().reviewedBy());
    }

    public String removeLabel(ReportAttachment a) {
        return ui.text("followup.attachment.removeLabel", a.filename());
    }

    public String size(ReportAttachment a) {
        return Downloads.size(a.sizeBytes(), ui);
    }

    public ReportDetails getReport() {
        if (report == null && id != null && found) {
            report = reports.find(id);
        }
        return report;
    }

    public List<ReportAttachment> getAttachments() {
        return getReport() == null ? List.of() : getReport().attachments();
    }

    /** The agreements in force the partner's organisation is party to. */
    public List<SelectItem> getAgreementChoices() {
        List<SelectItem> items = new ArrayList<>();
        for (Agreement a : agreements.inForceOrWas()) {
            items.add(new SelectItem(a.id(), a.title()));
        }
        return items;
    }

    /** Quarters and months from the agreement's start until now, newest first. */
    public List<SelectItem> getPeriodChoices() {
        List<SelectItem> quarters = new ArrayList<>();
        List<SelectItem> months = new ArrayList<>();
        if (agreementId != null) {
            Agreement a;
            try {
                a = agreements.find(agreementId);
            } catch (NotFound e) {
                return List.of();
            }
            LocalDate today = Days.today();
            LocalDate start = a.period().start() == null ? today : a.period().start();
            LocalDate end = a.period().end() == null || a.period().end().isAfter(today) ? today : a.period().end();
            for (ReportPeriod q = ReportPeriod.quarterOf(end); !q.end().isBefore(start); q = ReportPeriod.quarterOf(q.start().minusDays(1))) {
                quarters.add(new SelectItem(q.code(), q.label(ui.locale())));
            }
            for (YearMonth m = YearMonth.from(end); !m.atEndOfMonth().isBefore(start); m = m.minusMonths(1)) {
                ReportPeriod p = ReportPeriod.month(m);
                months.add(new SelectItem(p.code(), p.label(ui.locale())));
            }
        }
        return List.of(new SelectItemGroup(ui.text("followup.report.quarters"), null, false, quarters.toArray(SelectItem[]::new)),
                new SelectItemGroup(ui.text("followup.report.months"), null, false, months.toArray(SelectItem[]::new)));
    }

    public boolean isCreating() {
        return id == null;
    }

    public boolean isEditable() {
        return found && (id == null || getReport().status().editable());
    }

    public boolean isDeletable() {
        return id != null && getReport() != null && getReport().status() == se.iop.report.entity.ReportStatus.DRAFT
                && getReport().submittedOn() == null;
    }

    private static Long parse(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public Long getAgreementId() {
        return agreementId;
    }

    public void setAgreementId(Long agreementId) {
        this.agreementId = agreementId;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public BigDecimal getCosts() {
        return costs;
    }

    public void setCosts(BigDecimal costs) {
        this.costs = costs;
    }

    public List<CountField> getCounts() {
        return counts;
    }
}
