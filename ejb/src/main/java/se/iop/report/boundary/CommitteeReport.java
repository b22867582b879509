package se.iop.report.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a committee is told about an agreement for a period: the agreement in brief, its decisions,
 * budget use, milestones, the outcomes of the approved reports (counts under three already written
 * "&lt; 3") with the intake cohorts, the partners' narratives and the approved fidelity self-assessments of the period's years. Everything is text or numbers ready to be printed.
 */
public record CommitteeReport(String municipality, LocalDate generatedOn, LocalDate from, LocalDate to,
                              Brief agreement, List<Decision> decisions, List<Change> amendments, Budget budget,
                              List<MilestoneLine> milestones, int approvedReports, List<Outcome> outcomes,
                              String retention12, List<Narrative> narratives, List<Fidelity> fidelity,
                              List<Cohort> cohorts) {

    /** Without intake cohorts. */
    public CommitteeReport(String municipality, LocalDate generatedOn, LocalDate from, LocalDate to, Brief agreement,
                           List<Decision> decisions, List<Change> amendments, Budget budget, List<MilestoneLine> milestones,
                           int approvedReports, List<Outcome> outcomes, String retention12, List<Narrative> narratives,
                           List<Fidelity> fidelity) {
        this(municipality, generatedOn, from, to, agreement, decisions, amendments, budget, milestones, approvedReports,
                outcomes, retention12, narratives, fidelity, List.of());
    }

    public record Brief(String reference, String title, String status, LocalDate start, LocalDate end, String goals,
                        List<String> parties, BigDecimal decidedAmount) {
    }

    public record Decision(String committee, LocalDate meetingDate, String paragraph, String diarienummer,
                           String text, BigDecimal amount) {
    }

    public record Change(LocalDate effectiveOn, String description) {
    }

    /** Null figures when the agreement has no budget yet. */
    public record Budget(BigDecimal allocated, BigDecimal spent, BigDecimal remaining, BigDecimal percentUsed,
                         BigDecimal percentTimeElapsed) {
    }

    public record MilestoneLine(String title, LocalDate dueOn, String status, LocalDate completedOn, boolean late) {
    }

    /** One measure for the whole period: {@code shown} is the count or "&lt; 3". */
    public record Outcome(String field, String label, String shown) {
    }

    public record Narrative(String partner, String period, String text) {
    }

    /**
     * An intake cohort as the approved reports up to the period's end state it: counts as "&lt; 3" or the number,
     * shares as "80,0 %" or a dash when they rest on fewer than three households.
     */
    public record Cohort(String cohort, String housed, String retained12, String share12, String retained24,
                         String share24, String movedOn, String evictions, String returnedHomeless, String leasesOwn) {
    }

    /** An approved fidelity self-assessment: its domains' and total score against their maxima. */
    public record Fidelity(int year, String partner, List<FidelityDomain> domains, int total, int max, String share) {
    }

    public record FidelityDomain(String name, int score, int max) {
    }
}
