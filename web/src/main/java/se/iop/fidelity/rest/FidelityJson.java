package se.iop.fidelity.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.fidelity.boundary.AssessmentDetails;
import se.iop.fidelity.entity.FidelityAssessment;
import se.iop.fidelity.entity.FidelityScale;
import se.iop.fidelity.entity.FidelityScore;
import se.iop.report.entity.ReportStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the fidelity API takes and gives: the scale, self-assessments with their sums, and what a partner sends. */
public final class FidelityJson {

    /** More entries than any scale has items; the domain refuses an unknown or repeated item by name. */
    static final int MAX_ENTRIES = 200;

    private FidelityJson() {
    }

    /** One item's score and comment; the score must be a step of the scale (checked by the domain: 422). */
    public record FidelityEntryInput(@NotBlank @Size(max = 20) @Schema(example = "A1") String item,
                             @Schema(minimum = "0", maximum = "100") Integer score,
                             @Size(max = FidelityScore.COMMENT_MAX) String comment) {
        FidelityAssessment.Entry entry() {
            return new FidelityAssessment.Entry(item, score, comment);
        }
    }

    static List<FidelityAssessment.Entry> entries(List<FidelityEntryInput> scores) {
        return scores == null ? List.of() : scores.stream().map(e -> e == null ? null : e.entry()).toList();
    }

    /** A new self-assessment: the agreement, the year and the scores given so far. */
    public record FidelityCreateInput(@NotNull Long agreementId, @NotNull @Schema(minimum = "2000", maximum = "2100") Integer year,
                              @Size(max = MAX_ENTRIES) List<@NotNull @Valid FidelityEntryInput> scores) {
    }

    /** The scores of a draft or returned self-assessment, in place of those before. */
    public record FidelityReviseInput(@Size(max = MAX_ENTRIES) List<@NotNull @Valid FidelityEntryInput> scores, Long version) {
    }

    public record FidelityStepJson(int score, String label) {
    }

    public record FidelityItemJson(String code, String text) {
    }

    public record FidelityDomainJson(String code, String name, List<FidelityItemJson> items) {
    }

    /** The instrument: the scale's steps, its minimum and maximum, and the domains with their items. */
    public record FidelityScaleJson(int min, int max, List<FidelityStepJson> steps, List<FidelityDomainJson> domains) {
        static FidelityScaleJson of(FidelityScale s) {
            return new FidelityScaleJson(s.min(), s.max(), s.steps().stream().map(x -> new FidelityStepJson(x.score(), x.label())).toList(),
                    s.domains().stream().map(d -> new FidelityDomainJson(d.code(), d.name(),
                            d.items().stream().map(i -> new FidelityItemJson(i.code(), i.text())).toList())).toList());
        }
    }

    public record FidelityEntryJson(String domain, String item, String text, Integer score, String comment) {
    }

    /** One domain's sum against its maximum, and whether every item of it is scored. */
    public record FidelityDomainScoreJson(String code, String name, int score, int max, boolean complete) {
    }

    /** A piece of evidence: for the item of code {@code item}, or (null) the whole assessment. */
    public record FidelityAttachmentJson(long id, String item, String filename, String contentType, long size,
                                         Instant uploadedAt, String uploadedBy, LocalDate disposedOn) {
        static FidelityAttachmentJson of(AssessmentDetails.Attachment a) {
            return new FidelityAttachmentJson(a.id(), a.item(), a.filename(), a.contentType(), a.sizeBytes(),
                    a.uploadedAt(), a.uploadedBy(), a.disposedOn());
        }
    }

    public record FidelityAssessmentJson(long id, long version, long agreementId, String agreementTitle, long partnerId,
                                 String partnerName, int year, ReportStatus status, int total, int max,
                                 boolean complete, List<FidelityDomainScoreJson> domains, List<FidelityEntryJson> scores,
                                 String createdBy, LocalDate submittedOn, String submittedBy, LocalDate reviewedOn,
                                 String reviewedBy, String reviewComment, List<FidelityAttachmentJson> attachments) {
        static FidelityAssessmentJson of(AssessmentDetails a) {
            FidelityScale.Scoring s = a.scoring();
            return new FidelityAssessmentJson(a.id(), a.version(), a.agreementId(), a.agreementTitle(), a.partnerId(),
                    a.partnerName(), a.year(), a.status(), s.total(), s.max(), s.complete(),
                    s.domains().stream().map(d -> new FidelityDomainScoreJson(d.code(), d.name(), d.sum(), d.max(), d.complete()))
                            .toList(),
                    a.entries().stream().map(e -> new FidelityEntryJson(e.domain(), e.item(), e.text(), e.score(), e.comment()))
                            .toList(),
                    a.createdBy(), a.submittedOn(), a.submittedBy(), a.reviewedOn(), a.reviewedBy(), a.reviewComment(),
                    a.attachments().stream().map(FidelityAttachmentJson::of).toList());
        }
    }
}
