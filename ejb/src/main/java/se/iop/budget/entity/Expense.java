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
import se.iop.common.InvalidInput;
import se.iop.common.Money;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.partner.entity.Organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A booked cost on a budget line. A booked amount is never edited: a correction is a reversal — a
 * new entry with the opposite amount that points at the one it cancels — followed by a new booking.
 */
@Entity
@Table(name = "expense")
@Audited
public class Expense {

    public static final int DESCRIPTION_MAX = 1000;
    public static final int VOUCHER_MAX = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "phase_id")
    private Phase phase;

    // Kept beside the phase so that vouchers are unique per agreement and sums per agreement need no join.
    @Column(name = "agreement_id", nullable = false)
    private Long agreementId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "line_id")
    private BudgetLine line;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation partner;

    @Column(name = "spent_on", nullable = false)
    private LocalDate spentOn;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 1000)
    private String description;

    /** The voucher (verifikation) in the accounting system. */
    @Column(nullable = false, length = 50)
    private String voucher;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ExpenseSource source;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reversal_of")
    private Expense reversalOf;

    @Column(nullable = false)
    private boolean reversed;

    protected Expense() {
    }

    private Expense(Phase phase, BudgetLine line, Organisation partner, LocalDate spentOn, BigDecimal amount,
                    String description, String voucher, ExpenseSource source, Expense reversalOf) {
        this.phase = phase;
        this.agreementId = phase.agreement().id();
        this.line = line;
        this.partner = partner;
        this.spentOn = spentOn;
        this.amount = amount;
        this.description = checkedDescription(description);
        this.voucher = checkedVoucher(voucher);
        this.source = source;
        this.reversalOf = reversalOf;
    }

    /** A cost's description by the rule for typed text, several lines allowed. */
    public static String checkedDescription(String description) {
        return Text.requiredLines("description", description, DESCRIPTION_MAX);
    }

    /** The voucher by the rule for typed text, one line. */
    public static String checkedVoucher(String voucher) {
        return Text.required("voucher", voucher, VOUCHER_MAX);
    }

    /** A booked amount: above zero, whole öre, within numeric(14,2); a correction is a reversal, never a negative booking. */
    public static BigDecimal checkedAmount(BigDecimal amount) {
        return Money.positive("amount", amount);
    }

    /**
     * Books a cost: a positive amount, on a line of the phase, dated within the phase, on no partner or a party.
     * The one rule for a cost, whoever books it: the dialog, the API and the CSV import (row by row, before
     * anything is stored) all come here, so a row the import takes is exactly a cost the dialog takes.
     */
    public static Expense book(Phase phase, BudgetLine line, Organisation partner, LocalDate spentOn, BigDecimal amount,
                               String description, String voucher, ExpenseSource source) {
        if (phase == null) {
            throw new InvalidInput("phaseId", "error.required");
        }
        if (line == null) {
            throw new InvalidInput("lineId", "error.required");
        }
        if (!line.phase().equals(phase)) {
            throw new InvalidInput("lineId", "error.line.unknown", line.id());
        }
        if (spentOn == null) {
            throw new InvalidInput("spentOn", "error.required");
        }
        if (!phase.contains(spentOn)) {
            throw new InvalidInput("spentOn", "error.dateOutsidePhase", phase.startDate(), phase.endDate());
        }
        if (partner != null && !phase.agreement().hasParty(partner)) {
            throw new InvalidInput("partnerId", "error.expense.notParty", partner.name());
        }
        // A partner that has left (or not yet joined) books no cost dated outside its time as a party.
        if (partner != null && !phase.agreement().isPartyOn(partner, spentOn)) {
            throw new InvalidInput("spentOn", "error.party.notPartyOn", partner.name(), spentOn);
        }
        return new Expense(phase, line, partner, spentOn, checkedAmount(amount), description, voucher,
                source == null ? ExpenseSource.FINANCE : source, null);
    }

    /** Cancels this booking with an entry of the opposite amount; the original stays as it was booked. */
    public Expense reverse(LocalDate on, String reason, String voucher) {
        if (reversalOf != null) {
            throw new StateConflict("expenseId", "error.expense.reverseReversal");
        }
        if (reversed) {
            throw new StateConflict("expenseId", "error.expense.alreadyReversed");
        }
        if (on == null) {
            throw new InvalidInput("spentOn", "error.required");
        }
        if (on.isBefore(spentOn)) {
            throw new InvalidInput("spentOn", "error.expense.reversalBeforeBooking");
        }
        String why = Text.requiredLines("reason", reason, 1000);
        this.reversed = true;
        return new Expense(phase, line, partner, on, amount.negate(), why, voucher, ExpenseSource.FINANCE, this);
    }

    public Long id() {
        return id;
    }

    public Phase phase() {
        return phase;
    }

    public BudgetLine line() {
        return line;
    }

    public Organisation partner() {
        return partner;
    }

    public LocalDate spentOn() {
        return spentOn;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String description() {
        return description;
    }

    public String voucher() {
        return voucher;
    }

    public ExpenseSource source() {
        return source;
    }

    public Expense reversalOf() {
        return reversalOf;
    }

    public boolean reversed() {
        return reversed;
    }
}
