package se.iop.agreement.view;

import se.iop.agreement.boundary.AmendmentData;

import java.io.Serializable;
import java.time.LocalDate;

/** A change to a decided agreement, optionally with a party joining by it (Verdandi joining later). */
public class AmendmentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate effectiveOn;
    private String description;
    private Long decisionId;
    private boolean partyJoins;
    private final PartyForm joining = new PartyForm();

    public AmendmentData data() {
        return new AmendmentData(effectiveOn, description, decisionId, partyJoins ? joining.data() : null);
    }

    public LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public void setEffectiveOn(LocalDate effectiveOn) {
        this.effectiveOn = effectiveOn;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public void setDecisionId(Long decisionId) {
        this.decisionId = decisionId;
    }

    public boolean isPartyJoins() {
        return partyJoins;
    }

    public void setPartyJoins(boolean partyJoins) {
        this.partyJoins = partyJoins;
    }

    public PartyForm getJoining() {
        return joining;
    }
}
