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
import se.iop.partner.entity.Committee;

import java.math.BigDecimal;

/** Money a funding committee sets aside for a phase, with the decision behind it. */
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

    public Long id() {
        return id;
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
