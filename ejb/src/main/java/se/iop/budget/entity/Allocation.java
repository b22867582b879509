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
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.budget.entity.Correction.Change;
import se.iop.common.Text;
import se.iop.common.InvalidInput;
import se.iop.common.Money;
import se.iop.partner.entity.Committee;

import java.math.BigDecimal;

/**
 * Money a funding committee sets aside for a phase, with the decision behind it. It can be reduced, or
 * withdrawn (reduced to zero), with a reason; never raised: more money is a new decision and allocation.
 */
@Entity
@Table(name = "allocation")
@Audited
public class Allocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "phase_id")
    private Phase phase;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "committee_id")
    private Committee committee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id")
    private CommitteeDecision decision;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    protected Allocation() {
    }

    Allocation(Phase phase, Committee committee, CommitteeDecision decision, BigDecimal amount) {
        this.phase = phase;
        this.committee = committee;
        this.decision = decision;
        this.amount = amount;
    }

    /**
     * Lowers the allocation to {@code to}, zero to withdraw it. The database refuses it where the phase's
     * allocations would then be less than its approved and paid payments (rule
     * {@code phase_balance_within_allocation}).
     */
    Correction reduce(BigDecimal to, String reason, Change by) {
        BigDecimal value = Money.optionalNonNegative("amount", to);
        if (value == null) {
            throw new InvalidInput("amount", "error.required");
        }
        if (value.compareTo(amount) >= 0) {
            throw new InvalidInput("amount", "error.allocation.notLowered", amount);
        }
        Correction correction = Correction.of(this, amount, value, Text.requiredLines("reason", reason, 1000), by);
        this.amount = value;
        return correction;
    }

    public boolean withdrawn() {
        return amount.signum() == 0;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Phase phase() {
        return phase;
    }

    public Committee committee() {
        return committee;
    }

    public CommitteeDecision decision() {
        return decision;
    }

    public BigDecimal amount() {
        return amount;
    }
}
