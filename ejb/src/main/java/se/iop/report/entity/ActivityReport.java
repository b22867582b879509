package se.iop.report.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import org.hibernate.envers.NotAudited;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.PartyRole;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.Money;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.partner.entity.Organisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-profit partner's report on one agreement for one month or quarter: what it did (narrative),
 * what came of it in aggregate numbers, what it cost, with documents attached. The partner writes and
 * hands it in; the municipality approves it or returns it with a comment to be corrected. Once approved
 * it is locked. It holds no personal data: free text with a personal identity number is refused.
 */
@Entity
@Table(name = "activity_report")
@Audited
public class ActivityReport {

    public static final int NARRATIVE_MAX = 20000;
    public static final int COMMENT_MAX = 4000;
    public static final int MAX_ATTACHMENTS = IncomingFile.MAX_PER_DOCUMENT;

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

    @Embedded
    private ReportPeriod period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportStatus status = ReportStatus.DRAFT;

    @Column(length = NARRATIVE_MAX)
    private String narrative;

    // Set by disposal (gallring, see Retention) with the narrative emptied; read-only here, as an attachment's.
    @Column(name = "narrative_disposed_at", insertable = false, updatable = false)
    @NotAudited
    private Instant narrativeDisposedAt;

    @Embedded
    private Outcomes outcomes = Outcomes.none();

    @Column(precision = 14, scale = 2)
    private BigDecimal costs;

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

    // Derived from the period; its unique index is what keeps periods from overlapping.
    @ElementCollection
    @CollectionTable(name = "activity_report_month", joinColumns = @JoinColumn(name = "report_id"))
    @NotAudited
    private Set<CoveredMonth> months = new HashSet<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ReportAttachment> attachments = new ArrayList<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("cohortStart")
    private List<ReportCohort> cohorts = new ArrayList<>();

    protected ActivityReport() {
    }

    /** A new draft by a user of the partner, for a period that has begun. */
    public ActivityReport(Agreement agreement, Organisation partner, ReportPeriod period, String by, LocalDate today) {
        if (agreement == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        if (partner == null) {
            throw new InvalidInput("partnerId", "error.required");
        }
        if (!agreement.hasBeenInForce()) {
            throw new StateConflict("agreementId", "error.report.agreementNotInForce");
        }
        this.agreement = agreement;
        this.partner = partner;
        this.createdBy = by;
        place(period, today);
    }

    /** Changes the period, the text, the counts and the costs while the partner may still change it; no cohorts. */
    public void revise(ReportPeriod newPeriod, String newNarrative, Outcomes newOutcomes, BigDecimal newCosts,
                       LocalDate today) {
        revise(newPeriod, newNarrative, newOutcomes, List.of(), newCosts, today);
    }

    /**
     * Changes the period, the text, the counts, the intake cohorts and the costs while the partner may still
     * change it. With cohorts, the tenancies due and kept at 12 months are theirs (see {@link #twelveMonths}):
     * the one source of the 12-month retention; counts typed that differ are refused.
     */
    public void revise(ReportPeriod newPeriod, String newNarrative, Outcomes newOutcomes, List<CohortFigures> newCohorts,
                       BigDecimal newCosts, LocalDate today) {
        requireEditable();
        String checkedNarrative = Text.optionalLines("narrative", newNarrative, NARRATIVE_MAX);
        BigDecimal checkedCosts = Money.optionalNonNegative("costs", newCosts);
        ReportPeriod target = newPeriod != null ? newPeriod : period;
        List<CohortFigures> checkedCohorts = checkCohorts(newCohorts, target.end());
        Outcomes counts = newOutcomes == null ? Outcomes.none() : newOutcomes;
        if (!checkedCohorts.isEmpty()) {
            counts = withTwelveMonths(counts, checkedCohorts, target.end());
        }
        if (newPeriod != null && !newPeriod.equals(period)) {
            place(newPeriod, today);
        }
        this.narrative = checkedNarrative;
        this.outcomes = counts;
        this.costs = checkedCosts;
        state(checkedCohorts);
    }

    private static List<CohortFigures> checkCohorts(List<CohortFigures> given, LocalDate periodEnd) {
        List<CohortFigures> list = given == null ? List.of() : given;
        Set<ReportPeriod> seen = new HashSet<>();
        for (CohortFigures c : list) {
            if (!seen.add(c.quarter())) {
                throw new InvalidInput(c.field(CohortField.HOUSED), "error.cohort.twice", c.code());
            }
            c.check(periodEnd);
        }
        return list.stream().sorted(Comparator.comparing(CohortFigures::quarter)).toList();
    }

    /** The counts with the 12-month tenancies taken from the cohorts; a typed count that differs is refused. */
    private static Outcomes withTwelveMonths(Outcomes typed, List<CohortFigures> cohorts, LocalDate periodEnd) {
        int[] twelve = twelveMonths(cohorts, periodEnd);
        Map<Measure, Integer> counts = typed.asMap();
        fromCohorts(counts, Measure.TENANCIES_12_DUE, twelve[0]);
        fromCohorts(counts, Measure.TENANCIES_12_KEPT, twelve[1]);
        return Outcomes.of(counts);
    }

    private static void fromCohorts(Map<Measure, Integer> counts, Measure m, int value) {
        Integer typed = counts.get(m);
        if (typed != null && typed != value) {
            throw new InvalidInput(m.field(), "error.cohort.twelveFromCohorts", typed, value);
        }
        counts.put(m, value);
    }

    /**
     * The one rule for the 12-month figures: households due are those of the cohorts whose every household has
     * lived 12 months in its home by the period's end and whose retention is stated; kept, those retained.
     * Returns {due, kept}.
     */
    public static int[] twelveMonths(List<CohortFigures> cohorts, LocalDate periodEnd) {
        int due = 0;
        int kept = 0;
        for (CohortFigures c : cohorts) {
            if (c.retained12() != null && c.followedUpBy(CohortFigures.FIRST_FOLLOW_UP, periodEnd)) {
                due += c.housed();
                kept += c.retained12();
            }
        }
        return new int[] {due, kept};
    }

    /** Updates the cohorts in place (an insert before a delete would trip the one-row-per-cohort index). */
    private void state(List<CohortFigures> figures) {
        Map<LocalDate, CohortFigures> byStart = new LinkedHashMap<>();
        figures.forEach(f -> byStart.put(f.quarter().start(), f));
        cohorts.removeIf(c -> !byStart.containsKey(c.cohortStart()));
        for (ReportCohort c : cohorts) {
            c.state(byStart.remove(c.cohortStart()));
        }
        byStart.values().forEach(f -> cohorts.add(new ReportCohort(this, f)));
        cohorts.sort(Comparator.comparing(ReportCohort::cohortStart));
    }

    private void place(ReportPeriod newPeriod, LocalDate today) {
        if (newPeriod == null) {
            throw new InvalidInput("period", "error.required");
        }
        if (!newPeriod.hasBegun(today)) {
            throw new InvalidInput("period", "error.report.futurePeriod");
        }
        if (!newPeriod.overlaps(agreement.period().start(), agreementLastDay())) {
            throw new InvalidInput("period", "error.report.outsideAgreement");
        }
        if (!agreement.isPartyDuring(partner, PartyRole.NON_PROFIT_PARTNER, null, null)) {
            throw new InvalidInput("partnerId", "error.report.notPartner", partner.name(), newPeriod.code());
        }
        // A partner that joined later or has left reports only on periods it took part in, at least in part.
        if (!agreement.isPartyDuring(partner, PartyRole.NON_PROFIT_PARTNER, newPeriod.start(), newPeriod.end())) {
            throw new InvalidInput("period", "error.report.notPartyDuring", partner.name(), newPeriod.code());
        }
        this.period = newPeriod;
        months.clear();
        for (LocalDate m : newPeriod.months()) {
            months.add(new CoveredMonth(agreement.id(), partner.id(), m));
        }
    }

    private LocalDate agreementLastDay() {
        LocalDate end = agreement.period().end();
        LocalDate closed = agreement.closedOn();
        return closed != null && (end == null || closed.isBefore(end)) ? closed : end;
    }

    /** Hands the report in for review; everything but the shelter nights must be filled in. */
    public void submit(String by, LocalDate today) {
        requireEditable();
        if (!period.hasReachedLastDay(today)) {
            throw new StateConflict("period", "error.report.periodNotOver", period.end());
        }
        if (narrative == null) {
            throw new InvalidInput("narrative", "error.required");
        }
        outcomes().missing().ifPresent(m -> {
            throw new InvalidInput(m.field(), "error.required");
        });
        if (costs == null) {
            throw new InvalidInput("costs", "error.required");
        }
        // Retention is stated for every cohort that has lived long enough in its homes.
        for (CohortFigures c : cohorts()) {
            if (c.retained12() == null && c.followedUpBy(CohortFigures.FIRST_FOLLOW_UP, period.end())) {
                throw new InvalidInput(c.field(CohortField.RETAINED_12), "error.cohort.retentionMissing", c.code(),
                        CohortFigures.FIRST_FOLLOW_UP);
            }
            if (c.retained24() == null && c.followedUpBy(CohortFigures.SECOND_FOLLOW_UP, period.end())) {
                throw new InvalidInput(c.field(CohortField.RETAINED_24), "error.cohort.retentionMissing", c.code(),
                        CohortFigures.SECOND_FOLLOW_UP);
            }
        }
        status = ReportStatus.SUBMITTED;
        submittedOn = today;
        submittedBy = by;
    }

    /** The municipality accepts the report; from now on it is locked. */
    public void approve(String by, LocalDate today) {
        requireSubmitted();
        status = ReportStatus.APPROVED;
        reviewedOn = today;
        reviewedBy = by;
        reviewComment = null;
    }

    /** The municipality sends the report back to the partner, saying what to correct. */
    public void returnToPartner(String comment, String by, LocalDate today) {
        requireSubmitted();
        reviewComment = Text.requiredLines("comment", comment, COMMENT_MAX);
        status = ReportStatus.RETURNED;
        reviewedOn = today;
        reviewedBy = by;
    }

    public ReportAttachment attach(String filename, String contentType, byte[] bytes, String by, Instant at) {
        requireEditable();
        ReportAttachment a = new ReportAttachment(this, IncomingFile.accept(filename, contentType, bytes,
                attachments.size()), by, at);
        attachments.add(a);
        return a;
    }

    public void detach(long attachmentId) {
        requireEditable();
        attachments.remove(attachment(attachmentId));
    }

    public ReportAttachment attachment(long attachmentId) {
        return attachments.stream().filter(a -> a.id() != null && a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new se.iop.common.NotFound("attachment"));
    }

    /** Only a draft that was never handed in may be thrown away. */
    public void requireDeletable() {
        if (status != ReportStatus.DRAFT || submittedOn != null) {
            throw new StateConflict("status", "error.report.notDeletable");
        }
    }

    private void requireEditable() {
        status.requireEditable("error.report");
    }

    private void requireSubmitted() {
        status.requireSubmitted("error.report");
    }

    /** The audited fields for a history; counts under three as "&lt; 3" unless the reader may see them exactly. */
    public Map<String, Object> snapshot(boolean exact) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("period", period.code());
        s.put("status", status);
        s.put("narrative", narrative);
        outcomes().asMap().forEach((m, n) -> s.put(m.field(), exact ? n : SmallCounts.shown(n)));
        s.put("costs", costs);
        s.put("reviewComment", reviewComment);
        return s;
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

    public ReportPeriod period() {
        return period;
    }

    public ReportStatus status() {
        return status;
    }

    public String narrative() {
        return narrative;
    }

    /** The day the narrative was disposed of (gallrad), or null while it is kept. */
    public LocalDate narrativeDisposedOn() {
        return narrativeDisposedAt == null ? null : LocalDate.ofInstant(narrativeDisposedAt, Days.SWEDEN);
    }

    /** Never null: Hibernate loads counts that are all empty as no embedded object at all. */
    public Outcomes outcomes() {
        return outcomes == null ? Outcomes.none() : outcomes;
    }

    public BigDecimal costs() {
        return costs;
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

    public List<ReportAttachment> attachments() {
        return Collections.unmodifiableList(attachments);
    }

    /** The intake cohorts stated, oldest first. */
    public List<CohortFigures> cohorts() {
        return cohorts.stream().map(ReportCohort::figures).toList();
    }

    /**
     * Refuses cohort figures that contradict an earlier approved report (one whose period ended before this one
     * began; the service gives the same partner's on the same agreement): see {@link CohortFigures#requireConsistentWith}.
     */
    public void requireConsistentWith(ActivityReport earlier) {
        if (earlier.status != ReportStatus.APPROVED || !earlier.period.end().isBefore(period.start())) {
            return;
        }
        List<CohortFigures> before = earlier.cohorts();
        for (CohortFigures c : cohorts()) {
            for (CohortFigures e : before) {
                c.requireConsistentWith(e, earlier.period.end(), earlier.period.code());
            }
        }
    }

    public boolean locked() {
        return status == ReportStatus.APPROVED;
    }
}
