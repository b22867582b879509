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
import se.iop.agreement.entity.AgreementParty;
import se.iop.common.InvalidInput;
import se.iop.common.Money;
import se.iop.common.Text;

import java.math.BigDecimal;

/**
 * Co-financing by a party: money or something in kind — premises, volunteer hours — valued in SEK, so
 * the partnership's shared funding is visible beside what the committees allocate.
 */
@Entity
@Table(name = "contribution")
@Audited
public class Contribution {

    /** The most hours numeric(10,2) holds; as text for the API's documentation. */
    public static final String HOURS_MAX = "99999999.99";
    private static final BigDecimal MAX_HOURS = new BigDecimal(HOURS_MAX);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "phase_id")
    private Phase phase;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "party_id")
    private AgreementParty party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ContributionKind kind;

    @Column(nullable = false, length = 1000)
    private String description;

    /** Value in SEK (for money, the amount itself). */
    @Column(name = "value_sek", nullable = false, precision = 14, scale = 2)
    private BigDecimal value;

    /** For volunteer hours: how many; the value is then hours times the agreed rate. */
    @Column(precision = 10, scale = 2)
    private BigDecimal hours;

    protected Contribution() {
    }

    Contribution(Phase phase, AgreementParty party, ContributionKind kind, String description, BigDecimal value,
                 BigDecimal hours) {
        if (kind == null) {
            throw new InvalidInput("kind", "error.required");
        }
        if (kind == ContributionKind.VOLUNTEER_HOURS && (hours == null || hours.signum() <= 0)) {
            throw new InvalidInput("hours", "error.contribution.hoursNeeded");
        }
        this.phase = phase;
        this.party = party;
        this.kind = kind;
        this.description = Text.requiredLines("description", description, 1000);
        this.value = Money.positive("value", value);
        this.hours = checkedHours(hours);
    }

    /** Hours, when given: above zero, at most two decimals, no more than the column holds. */
    private static BigDecimal checkedHours(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros().scale() > 2) {
            throw new InvalidInput("hours", "error.contribution.hours", MAX_HOURS);
        }
        return hours.setScale(2);
    }

    public Long id() {
        return id;
    }

    public AgreementParty party() {
        return party;
    }

    public ContributionKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal hours() {
        return hours;
    }
}
