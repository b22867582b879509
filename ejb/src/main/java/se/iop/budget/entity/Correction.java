package se.iop.budget.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A correction of a phase's money as booked: an allocation reduced or withdrawn, or a budget line's
 * plan changed; with the amount before and after, why, by whom and when. Never changed once made.
 */
@Entity
@Table(name = "budget_correction")
@Audited
public class Correction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "phase_id")
    private Phase phase;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "allocation_id")
    private Allocation allocation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "line_id")
    private BudgetLine line;

    @Column(name = "amount_before", nullable = false, precision = 14, scale = 2)
    private BigDecimal amountBefore;

    @Column(name = "amount_after", nullable = false, precision = 14, scale = 2)
    private BigDecimal amountAfter;

    @Column(length = 1000)
    private String reason;

    @Column(name = "corrected_by", nullable = false, length = 100)
    private String correctedBy;

    @Column(name = "corrected_at", nullable = false)
    private Instant correctedAt;

    protected Correction() {
    }

    private Correction(Phase phase, Allocation allocation, BudgetLine line, BigDecimal before, BigDecimal after,
                       String reason, Change by) {
        this.phase = phase;
        this.allocation = allocation;
        this.line = line;
        this.amountBefore = before;
        this.amountAfter = after;
        this.reason = reason;
        this.correctedBy = by.username();
        this.correctedAt = by.at();
    }

    static Correction of(Allocation allocation, BigDecimal before, BigDecimal after, String reason, Change by) {
        return new Correction(allocation.phase(), allocation, null, before, after, reason, by);
    }

    static Correction of(BudgetLine line, BigDecimal before, BigDecimal after, String reason, Change by) {
        return new Correction(line.phase(), null, line, before, after, reason, by);
    }

    /** Who makes a change and when: the service knows, the entity records it. */
    public record Change(String username, Instant at) {
    }

    public Long id() {
        return id;
    }

    public Phase phase() {
        return phase;
    }

    /** The allocation corrected, or null for a line's. */
    public Allocation allocation() {
        return allocation;
    }

    /** The line re-planned, or null for an allocation's. */
    public BudgetLine line() {
        return line;
    }

    public BigDecimal amountBefore() {
        return amountBefore;
    }

    public BigDecimal amountAfter() {
        return amountAfter;
    }

    public String reason() {
        return reason;
    }

    public String correctedBy() {
        return correctedBy;
    }

    public Instant correctedAt() {
        return correctedAt;
    }
}
