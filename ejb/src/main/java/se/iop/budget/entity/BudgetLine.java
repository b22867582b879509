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
import se.iop.budget.entity.Correction.Change;
import se.iop.common.Text;
import se.iop.common.InvalidInput;
import se.iop.common.Money;

import java.math.BigDecimal;

/**
 * A planned use of a phase's money, e.g. "Boendestödjare" under staff, booked on an account. Its plan
 * may be changed, lowered only with a reason; costs beyond the plan are flagged for finance, never refused,
 * so a plan lowered below what is spent shows the line as over.
 */
@Entity
@Table(name = "budget_line")
@Audited
public class BudgetLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "phase_id")
    private Phase phase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private LineCategory category;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal planned;

    /** The account (kontonummer) in the municipality's chart of accounts. */
    @Column(nullable = false, length = 10)
    private String account;

    protected BudgetLine() {
    }

    BudgetLine(Phase phase, LineCategory category, String name, BigDecimal planned, String account) {
        if (category == null) {
            throw new InvalidInput("category", "error.required");
        }
        this.phase = phase;
        this.category = category;
        this.name = Text.required("name", name, 200);
        this.planned = required(planned);
        this.account = checkedAccount(account == null || account.isBlank() ? category.defaultAccount() : account);
    }

    /** Plans {@code amount} instead; the change is recorded, null when nothing changes. */
    Correction replan(BigDecimal amount, String reason, Change by) {
        BigDecimal value = required(amount);
        if (value.compareTo(planned) == 0) {
            return null;
        }
        String why = value.compareTo(planned) < 0 ? Text.requiredLines("reason", reason, 1000)
                : Text.optionalLines("reason", reason, 1000);
        Correction correction = Correction.of(this, planned, value, why, by);
        this.planned = value;
        return correction;
    }

    private static BigDecimal required(BigDecimal amount) {
        BigDecimal value = Money.optionalNonNegative("planned", amount);
        if (value == null) {
            throw new InvalidInput("planned", "error.required");
        }
        return value;
    }

    private static String checkedAccount(String account) {
        String value = account.strip();
        if (!value.matches("\\d{4,6}")) {
            throw new InvalidInput("account", "error.line.account");
        }
        return value;
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

    public LineCategory category() {
        return category;
    }

    public String name() {
        return name;
    }

    public BigDecimal planned() {
        return planned;
    }

    public String account() {
        return account;
    }
}
