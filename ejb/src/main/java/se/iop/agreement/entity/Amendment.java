package se.iop.agreement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.common.InvalidInput;
import se.iop.common.Text;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A change to an agreement in force, e.g. a partner joining later or leaving, with the decision behind it. */
@Entity
@Table(name = "amendment")
@Audited
public class Amendment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    @Column(nullable = false, length = 4000)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id")
    private CommitteeDecision decision;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "added_party_id")
    private AgreementParty addedParty;

    /** The party that leaves the agreement by this amendment; its last day is the amendment's date. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "left_party_id")
    private AgreementParty leavingParty;

    protected Amendment() {
    }

    Amendment(Agreement agreement, LocalDate effectiveOn, String description, CommitteeDecision decision,
              AgreementParty addedParty) {
        if (effectiveOn == null) {
            throw new InvalidInput("effectiveOn", "error.required");
        }
        this.agreement = agreement;
        this.effectiveOn = effectiveOn;
        this.description = Text.requiredLines("description", description, 4000);
        this.decision = decision;
        this.addedParty = addedParty;
    }

    static Amendment leaving(Agreement agreement, LocalDate lastDay, String description, CommitteeDecision decision,
                             AgreementParty leaving) {
        Amendment a = new Amendment(agreement, lastDay, description, decision, null);
        a.leavingParty = leaving;
        return a;
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("effectiveOn", effectiveOn);
        s.put("description", description);
        s.put("decision", decision == null ? null : decision.committee().name() + " " + decision.meetingDate());
        s.put("addedParty", addedParty == null ? null : addedParty.organisation().name());
        s.put("leavingParty", leavingParty == null ? null : leavingParty.organisation().name());
        return s;
    }

    public Long id() {
        return id;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public String description() {
        return description;
    }

    public CommitteeDecision decision() {
        return decision;
    }

    public AgreementParty addedParty() {
        return addedParty;
    }

    public AgreementParty leavingParty() {
        return leavingParty;
    }
}
