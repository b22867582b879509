package se.iop.fidelity.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.common.StaleVersion;
import se.iop.fidelity.boundary.AssessmentDetails;
import se.iop.fidelity.boundary.FidelityAssessments;
import se.iop.fidelity.entity.FidelityAssessment;
import se.iop.fidelity.entity.FidelityScale;
import se.iop.report.entity.ReportStatus;
import se.iop.report.view.Downloads;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One fidelity self-assessment: the partner scores and comments each item, saves and hands it in; the
 * administrator approves it or returns it with a comment; the others read it. What is typed stays when the
 * service refuses it.
 */
@Named
@ViewScoped
public class FidelityEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private FidelityAssessments assessments;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private Long version;
    private boolean found = true;
    private String returnComment;
    /** The item the next piece of evidence is for (its code); null: the whole assessment. */
    private String evidenceItem;
    private final List<Row> rows = new ArrayList<>();
    private final List<SelectItem> steps = new ArrayList<>();

    private transient AssessmentDetails assessment;

    /** One item on the page, with what is typed for it. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String domain;
        private final String item;
        private final String text;
        private Integer score;
        private String comment;

        Row(AssessmentDetails.Entry e, String domainName) {
            this.domain = domainName;
            this.item = e.item();
            this.text = e.text();
            this.score = e.score();
            this.comment = e.comment();
        }

        public String getDomain() {
            return domain;
        }

        public String getItem() {
            return item;
        }

        public String getText() {
            return text;
        }

        public Integer getScore() {
            return score;
        }

        public void setScore(Integer score) {
            this.score = score;
        }

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }

    @PostConstruct
    void load() {
        try {
            if (viewer.isLandlord() || idParam == null) {
                throw new NotFound("assessment");
            }
            id = Long.valueOf(idParam.strip());
            read();
            for (FidelityScale.Step s : assessments.scale().steps()) {
                steps.add(new SelectItem(s.score(), s.score() + " – " + s.label()));
            }
        } catch (NumberFormatException | NotFound e) {
            found = false;
            external().setResponseStatus(404);
        }
    }

    private void read() {
        assessment = assessments.find(id);
        version = assessment.version();
        FidelityScale scale = assessments.scale();
        rows.clear();
        for (AssessmentDetails.Entry e : assessment.entries()) {
            String name = scale.domains().stream().filter(d -> d.code().equals(e.domain())).findFirst()
                    .map(FidelityScale.Domain::name).orElse(e.domain());
            rows.add(new Row(e, name));
        }
    }

    private List<FidelityAssessment.Entry> entries() {
        return rows.stream().filter(r -> r.score != null || r.comment != null && !r.comment.isBlank())
                .map(r -> new FidelityAssessment.Entry(r.item, r.score, r.comment)).toList();
    }

    public void save() {
        if (run(() -> assessments.revise(id, version, entries()))) {
            ui.message(FacesMessage.SEVERITY_INFO, "fidelity.saved");
        }
    }

    public void submit() {
        if (run(() -> assessments.revise(id, version, entries())) && run(() -> assessments.submit(id, version))) {
            ui.message(FacesMessage.SEVERITY_INFO, "fidelity.submitted");
        }
    }

    public void approve() {
        if (run(() -> assessments.approve(id, version))) {
            ui.message(FacesMessage.SEVERITY_INFO, "fidelity.approved");
        }
    }

    public void returnToPartner() {
        if (run(() -> assessments.returnToPartner(id, version, returnComment))) {
            returnComment = null;
            ui.message(FacesMessage.SEVERITY_INFO, "fidelity.returned");
        }
    }

    private interface Step {
        AssessmentDetails run();
    }

    private boolean run(Step step) {
        try {
            AssessmentDetails saved = step.run();
            assessment = saved;
            version = saved.version();
            return true;
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "followup.stale");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            ui.refused(e);
        }
        return false;
    }

    /** A piece of evidence from p:fileUpload, for the item chosen (or the whole): checked by the service, not here. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String item = evidenceItem;
        if (run(() -> assessments.attach(id, item, file.getFileName(), file.getContentType(), file.getContent()))) {
            ui.message(FacesMessage.SEVERITY_INFO, "followup.attachment.saved", file.getFileName());
        }
    }

    public void detach(long attachmentId) {
        if (run(() -> assessments.detach(id, attachmentId))) {
            ui.message(FacesMessage.SEVERITY_INFO, "followup.attachment.removed");
        }
    }

    public StreamedContent download(long attachmentId) {
        FidelityAssessments.Evidence e = assessments.evidence(id, attachmentId);
        return Downloads.of(e.bytes(), e.contentType(), e.filename());
    }

    /** Administrators, auditors and the partner itself open the evidence; finance sees only that it is there. */
    public boolean isEvidenceReadable() {
        return viewer.isAdmin() || viewer.isAuditor() || viewer.isPartner();
    }

    public List<AssessmentDetails.Attachment> getAttachments() {
        return getAssessment().attachments();
    }

    /** What the evidence is for: an item's code and wording, or the assessment as a whole. */
    public String evidenceFor(AssessmentDetails.Attachment a) {
        return a.item() == null ? ui.text("fidelity.evidence.whole") : rows.stream().filter(r -> r.item.equals(a.item()))
                .findFirst().map(r -> r.item + " " + r.text).orElse(a.item());
    }

    public String size(AssessmentDetails.Attachment a) {
        return Downloads.size(a.sizeBytes(), ui);
    }

    public String removeLabel(AssessmentDetails.Attachment a) {
        return ui.text("followup.attachment.removeLabel", a.filename());
    }

    public List<SelectItem> getEvidenceItems() {
        List<SelectItem> items = new ArrayList<>();
        rows.forEach(r -> items.add(new SelectItem(r.item, r.item + " " + r.text)));
        return items;
    }

    public String getEvidenceItem() {
        return evidenceItem;
    }

    public void setEvidenceItem(String evidenceItem) {
        this.evidenceItem = evidenceItem;
    }

    public AssessmentDetails getAssessment() {
        if (assessment == null && found) {
            assessment = assessments.find(id);
        }
        return assessment;
    }

    /** "57 / 76 (75,0 %)": a sum against its maximum. */
    public String score(int sum, int max) {
        return FidelityTexts.score(sum, max, ui.locale());
    }

    public boolean isEditable() {
        return found && viewer.isPartner() && getAssessment().status().editable();
    }

    public boolean isReviewable() {
        return found && viewer.isAdmin() && getAssessment().status() == ReportStatus.SUBMITTED;
    }

    public String getStatusText() {
        return ui.text("followup.report.status." + getAssessment().status());
    }

    public String label(Row r) {
        return ui.text("fidelity.scoreFor", r.getItem());
    }

    public String commentLabel(Row r) {
        return ui.text("fidelity.commentFor", r.getItem());
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<SelectItem> getSteps() {
        return steps;
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public String getReturnComment() {
        return returnComment;
    }

    public void setReturnComment(String returnComment) {
        this.returnComment = returnComment;
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
