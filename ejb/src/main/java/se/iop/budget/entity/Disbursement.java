package se.iop.budget.entity;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.agreement.entity.PartyRole;
import se.iop.common.InvalidInput;
import se.iop.common.Money;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.partner.entity.Organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment from the municipality to a non-profit partner within a phase. Approved and paid
 * payments together never exceed what the committees allocated to the phase: the database holds
 * that (rule {@code phase_balance_within_allocation}, V9), whoever writes and at any isolation level.
 */
@Entity
@Table(name = "disbursement")
@Audited
public class Disbursement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "phase_id")
    private Phase phase;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation partner;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(name = "planned_on", nullable = false)
    private LocalDate plannedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DisbursementStatus status = DisbursementStatus.PLANNED;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(length = 200)
    private String reference;

    @Column(name = "cancel_reason", length = 1000)
    private String cancelReason;

    protected Disbursement() {
    }

    /**
     * Plans a payment; {@code remaining} is what the phase's allocations leave after the payments
     * already approved or paid, so a plan that could never be approved is refused at once.
     */
    public Disbursement(Phase phase, Organisation partner, BigDecimal amount, LocalDate plannedOn, String reference,
                        BigDecimal remaining) {
        if (phase == null) {
            throw new InvalidInput("phaseId", "error.required");
        }
        if (partner == null) {
            throw new InvalidInput("partnerId", "error.required");
        }
        boolean nonProfitParty = phase.agreement().parties().stream()
                .anyMatch(p -> p.role() == PartyRole.NON_PROFIT_PARTNER && p.organisation().equals(partner));
        if (!nonProfitParty) {
            throw new InvalidInput("partnerId", "error.disbursement.notPartner", partner.name());
        }
        if (plannedOn == null) {
            throw new InvalidInput("plannedOn", "error.required");
        }
        if (!phase.contains(plannedOn)) {
            throw new InvalidInput("plannedOn", "error.dateOutsidePhase", phase.startDate(), phase.endDate());
        }
        this.phase = phase;
        this.partner = partner;
        this.amount = Money.positive("amount", amount);
        this.plannedOn = plannedOn;
        this.reference = Text.optional("reference", reference, 200);
        requireWithin(remaining);
    }

    /** Reserves the money; the database refuses it when the phase's allocations do not cover it. */
    public void approve() {
        step(DisbursementStatus.PLANNED, DisbursementStatus.APPROVED);
        status = DisbursementStatus.APPROVED;
    }

    public void pay(LocalDate on) {
        step(DisbursementStatus.APPROVED, DisbursementStatus.PAID);
        if (on == null) {
            throw new InvalidInput("paidOn", "error.required");
        }
        if (on.isBefore(phase.startDate())) {
            throw new InvalidInput("paidOn", "error.dateOutsidePhase", phase.startDate(), phase.endDate());
        }
        this.paidOn = on;
        status = DisbursementStatus.PAID;
    }

    public void cancel(String reason) {
        if (status != DisbursementStatus.PLANNED && status != DisbursementStatus.APPROVED) {
            throw new StateConflict("status", "error.disbursement.transition", status, DisbursementStatus.CANCELLED);
        }
        this.cancelReason = Text.requiredLines("reason", reason, 1000);
        status = DisbursementStatus.CANCELLED;
    }

    private void step(DisbursementStatus from, DisbursementStatus to) {
        if (status != from) {
            throw new StateConflict("status", "error.disbursement.transition", status, to);
        }
    }

    private void requireWithin(BigDecimal remaining) {
        if (remaining != null && amount.compareTo(remaining) > 0) {
            throw new StateConflict("amount", "error.disbursement.overAllocated", remaining.max(BigDecimal.ZERO));
        }
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

    public Organisation partner() {
        return partner;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate plannedOn() {
        return plannedOn;
    }

    public DisbursementStatus status() {
        return status;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public String reference() {
        return reference;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
