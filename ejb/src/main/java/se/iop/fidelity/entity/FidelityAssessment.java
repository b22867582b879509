package se.iop.fidelity.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.PartyRole;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.partner.entity.Organisation;
import se.iop.report.entity.IncomingFile;
import se.iop.report.entity.ReportStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner's yearly self-assessment of how faithfully an agreement's work follows the Housing First model
 * (programtrohet): a score on the scale and a comment per item. It goes through review like an activity
 * report (the same {@link ReportStatus} steps): drafted, handed in, returned with a comment or approved and
 * then locked. One per agreement and year (the database's unique index has the last word).
 */
@Entity
@Table(name = "fidelity_assessment")
@Audited
public class FidelityAssessment {

    public static final int COMMENT_MAX = 4000;
    private static final String KEYS = "error.fidelity";
    /** No Housing First agreement in Sweden is older; the database's check says the same. */
    public static final int FIRST_YEAR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id")
    private Organisation partner;

    @Column(nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportStatus status = ReportStatus.DRAFT;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "submitted_on")
    private LocalDate submittedOn;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "reviewed_on")
    private LocalDate reviewedOn;

    @Column(name = "reviewed_by", length = 100)
    private String reviewedBy;

    @Column(name = "review_comment", length = COMMENT_MAX)
    private String reviewComment;

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("itemId")
    private List<FidelityScore> scores = new ArrayList<>();

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<FidelityAttachment> attachments = new ArrayList<>();

    protected FidelityAssessment() {
    }

    /**
     * The years a self-assessment of the agreement may be for on {@code today}: those its period has run in, up to this
     * one (and not before {@link #FIRST_YEAR}), newest first; none until it has been in force.
     */
    public static List<Integer> years(Agreement agreement, LocalDate today) {
        if (!agreement.hasBeenInForce()) {
            return List.of();
        }
        LocalDate start = agreement.period().start();
        LocalDate end = agreement.period().end();
        int from = Math.max(FIRST_YEAR, start == null ? FIRST_YEAR : start.getYear());
        int to = end == null ? today.getYear() : Math.min(today.getYear(), end.getYear());
        List<Integer> years = new ArrayList<>();
        for (int y = to; y >= from; y--) {
            years.add(y);
        }
        return years;
    }

    /** A new draft by a user of a partner of the agreement, for a year the agreement has run in, up to this one. */
    public FidelityAssessment(Agreement agreement, Organisation partner, Integer year, String by, LocalDate today) {
        if (agreement == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        if (partner == null) {
            throw new InvalidInput("partnerId", "error.required");
        }
        if (year == null) {
            throw new InvalidInput("year", "error.required");
        }
        if (!agreement.hasBeenInForce()) {
            throw new StateConflict("agreementId", "error.report.agreementNotInForce");
        }
        if (!years(agreement, today).contains(year)) {
            throw new InvalidInput("year", "error.fidelity.year", String.valueOf(year));
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = first.withDayOfYear(first.lengthOfYear());
        if (!agreement.isPartyDuring(partner, PartyRole.NON_PROFIT_PARTNER, first, last)) {
            throw new InvalidInput("agreementId", "error.fidelity.notPartner", partner.name(), String.valueOf(year));
        }
        this.agreement = agreement;
        this.partner = partner;
        this.year = year;
        this.createdBy = by;
    }

    /** One item's score and comment as sent, by the item's code. */
    public record Entry(String item, Integer score, String comment) {
    }

    /**
     * Puts in the scores and comments sent, in place of those before (an item not sent is no longer scored).
     * Every entry is checked before anything changes, so a refusal leaves the assessment as it was.
     */
    public void revise(FidelityScale scale, List<Entry> entries) {
        status.requireEditable(KEYS);
        Map<Long, Entry> checked = new LinkedHashMap<>();
        Map<Long, String> comments = new HashMap<>();
        for (Entry e : entries == null ? List.<Entry>of() : entries) {
            if (e == null) {
                throw new InvalidInput("item", "error.required");
            }
            FidelityScale.Item item = scale.known(e.item());
            scale.check(item, e.score());
            if (checked.put(item.id(), e) != null) {
                throw new InvalidInput("item", "error.fidelity.twice", item.code());
            }
            try {
                comments.put(item.id(), Text.optionalLines("comment", e.comment(), FidelityScore.COMMENT_MAX));
            } catch (InvalidInput refused) {
                throw new InvalidInput("comment", "error.fidelity.comment", item.code(), FidelityScore.COMMENT_MAX);
            }
        }
        Set<Long> kept = new HashSet<>();
        for (FidelityScore s : scores) {
            Entry e = checked.get(s.itemId());
            if (e != null) {
                s.change(e.score(), comments.get(s.itemId()));
                kept.add(s.itemId());
            }
        }
        scores.removeIf(s -> !kept.contains(s.itemId()));
        checked.forEach((itemId, e) -> {
            if (!kept.contains(itemId)) {
                scores.add(new FidelityScore(this, itemId, e.score(), comments.get(itemId)));
            }
        });
    }

    /** Hands the assessment in; every item of the scale must have its score. */
    public void submit(FidelityScale scale, String by, LocalDate today) {
        status.requireEditable(KEYS);
        Map<Long, Integer> given = scoreByItem();
        for (FidelityScale.Item item : scale.items()) {
            if (given.get(item.id()) == null) {
                throw new InvalidInput("score", "error.fidelity.unscored", item.code());
            }
        }
        status = ReportStatus.SUBMITTED;
        submittedOn = today;
        submittedBy = by;
    }

    public void approve(String by, LocalDate today) {
        status.requireSubmitted(KEYS);
        status = ReportStatus.APPROVED;
        reviewedOn = today;
        reviewedBy = by;
        reviewComment = null;
    }

    public void returnToPartner(String comment, String by, LocalDate today) {
        status.requireSubmitted(KEYS);
        reviewComment = Text.requiredLines("comment", comment, COMMENT_MAX);
        status = ReportStatus.RETURNED;
        reviewedOn = today;
        reviewedBy = by;
    }

    /**
     * Attaches evidence while the partner may still change the assessment, for one item (by its code) or, with no
     * item, for the whole; the file is taken in by the rule every attachment follows ({@link IncomingFile}).
     */
    public FidelityAttachment attach(FidelityScale scale, String item, String filename, String contentType, byte[] bytes,
                                     String by, Instant at) {
        status.requireEditable(KEYS);
        Long itemId = item == null || item.isBlank() ? null : scale.known(item).id();
        FidelityAttachment a = new FidelityAttachment(this, itemId,
                IncomingFile.accept(filename, contentType, bytes, attachments.size()), by, at);
        attachments.add(a);
        return a;
    }

    public void detach(long attachmentId) {
        status.requireEditable(KEYS);
        attachments.remove(attachment(attachmentId));
    }

    public FidelityAttachment attachment(long attachmentId) {
        return attachments.stream().filter(a -> a.id() != null && a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFound("attachment"));
    }

    public List<FidelityAttachment> attachments() {
        return Collections.unmodifiableList(attachments);
    }

    /** The scores given so far by item id (an item scored without a number is absent). */
    public Map<Long, Integer> scoreByItem() {
        Map<Long, Integer> m = new HashMap<>();
        scores.forEach(s -> {
            if (s.score() != null) {
                m.put(s.itemId(), s.score());
            }
        });
        return m;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Agreement agreement() {
        return agreement;
    }

    public Organisation partner() {
        return partner;
    }

    public int year() {
        return year;
    }

    public ReportStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public LocalDate submittedOn() {
        return submittedOn;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public LocalDate reviewedOn() {
        return reviewedOn;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public List<FidelityScore> scores() {
        return Collections.unmodifiableList(scores);
    }
}
