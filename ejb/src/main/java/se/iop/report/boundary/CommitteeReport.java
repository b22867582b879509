package se.iop.report.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a committee is told about an agreement for a period: the agreement in brief, its decisions,
 * budget use, milestones, the outcomes of the approved reports (counts under three already written
 * "&lt; 3"), the partners' narratives and the approved fidelity self-assessments of the period's years. Everything is text or numbers ready to be printed.
 */
public record CommitteeReport(String municipality, LocalDate generatedOn, LocalDate from, LocalDate to,
                              Brief agreement, List<Decision> decisions, List<Change> amendments, Budget budget,
                              List<MilestoneLine> milestones, int approvedReports, List<Outcome> outcomes,
                              String retention12, List<Narrative> narratives, List<Fidelity> fidelity) {

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

    /** An approved fidelity self-assessment: its domains' and total score against their maxima. */
    public record Fidelity(int year, String partner, List<FidelityDomain> domains, int total, int max, String share) {
    }

    public record FidelityDomain(String name, int score, int max) {
    }
}
