package se.iop.agreement.entity;

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
import se.iop.partner.entity.OrganisationKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An organisation's place in an agreement: its role, from when to when, and what it commits
 * (insatser och åtaganden), in money or in kind.
 */
@Entity
@Table(name = "agreement_party")
@Audited
public class AgreementParty {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private PartyRole role;

    @Column(name = "joined_on")
    private LocalDate joinedOn;

    @Column(name = "left_on")
    private LocalDate leftOn;

    @Column(length = 4000)
    private String commitment;

    @Column(name = "contribution_amount", precision = 14, scale = 2)
    private BigDecimal contributionAmount;

    @Column(name = "contribution_in_kind", length = 1000)
    private String contributionInKind;

    protected AgreementParty() {
    }

    AgreementParty(Agreement agreement, Organisation organisation, PartyRole role, LocalDate joinedOn) {
        if (organisation == null) {
            throw new InvalidInput("organisationId", "error.required");
        }
        if (role == null) {
            throw new InvalidInput("role", "error.required");
        }
        if (!organisation.active()) {
            throw new StateConflict("organisationId", "error.party.inactiveOrganisation", organisation.name());
        }
        if (role == PartyRole.PUBLIC_PARTNER && organisation.kind() != OrganisationKind.MUNICIPALITY) {
            throw new InvalidInput("role", "error.party.publicNeedsMunicipality", organisation.name());
        }
        if (role == PartyRole.NON_PROFIT_PARTNER && organisation.kind() != OrganisationKind.NON_PROFIT) {
            throw new InvalidInput("role", "error.party.nonProfitNeedsNonProfit", organisation.name());
        }
        this.agreement = agreement;
        this.organisation = organisation;
        this.role = role;
        this.joinedOn = joinedOn;
    }

    /** What the party brings: a description, an amount in SEK and/or a contribution in kind. */
    public void commit(String commitment, BigDecimal amount, String inKind) {
        this.commitment = Text.optionalLines("commitment", commitment, 4000);
        this.contributionAmount = Money.optionalNonNegative("contributionAmount", amount);
        this.contributionInKind = Text.optional("contributionInKind", inKind, 1000);
    }

    void leave(LocalDate on) {
        if (on == null) {
            throw new InvalidInput("leftOn", "error.required");
        }
        if (joinedOn != null && on.isBefore(joinedOn)) {
            throw new InvalidInput("leftOn", "error.party.leavesBeforeJoining");
        }
        this.leftOn = on;
    }

    /** Whether the party takes part on the given day (open ends count as taking part; {@code leftOn} is its last day). */
    public boolean partOn(LocalDate day) {
        return (joinedOn == null || !day.isBefore(joinedOn)) && (leftOn == null || !day.isAfter(leftOn));
    }

    /** Whether the party takes part on at least one day from {@code from} to {@code to} (null: open). */
    public boolean partDuring(LocalDate from, LocalDate to) {
        return (joinedOn == null || to == null || !to.isBefore(joinedOn)) && (leftOn == null || from == null || !from.isAfter(leftOn));
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("organisation", organisation.name());
        s.put("role", role);
        s.put("joinedOn", joinedOn);
        s.put("leftOn", leftOn);
        s.put("commitment", commitment);
        s.put("contributionAmount", contributionAmount);
        s.put("contributionInKind", contributionInKind);
        return s;
    }

    public Long id() {
        return id;
    }

    public Agreement agreement() {
        return agreement;
    }

    public Organisation organisation() {
        return organisation;
    }

    public PartyRole role() {
        return role;
    }

    public LocalDate joinedOn() {
        return joinedOn;
    }

    public LocalDate leftOn() {
        return leftOn;
    }

    public String commitment() {
        return commitment;
    }

    public BigDecimal contributionAmount() {
        return contributionAmount;
    }

    public String contributionInKind() {
        return contributionInKind;
    }
}
