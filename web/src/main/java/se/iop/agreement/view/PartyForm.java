package se.iop.agreement.view;

import se.iop.agreement.boundary.PartyData;
import se.iop.agreement.entity.PartyRole;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An organisation to take part in an agreement, as the user chooses it: directly or by an amendment. */
public class PartyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long organisationId;
    private PartyRole role;
    private LocalDate joinedOn;
    private String commitment;
    private BigDecimal contributionAmount;
    private String contributionInKind;

    public PartyData data() {
        return new PartyData(organisationId, role, joinedOn, commitment, contributionAmount, contributionInKind);
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
    }

    public PartyRole getRole() {
        return role;
    }

    public void setRole(PartyRole role) {
        this.role = role;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public void setJoinedOn(LocalDate joinedOn) {
        this.joinedOn = joinedOn;
    }

    public String getCommitment() {
        return commitment;
    }

    public void setCommitment(String commitment) {
        this.commitment = commitment;
    }

    public BigDecimal getContributionAmount() {
        return contributionAmount;
    }

    public void setContributionAmount(BigDecimal contributionAmount) {
        this.contributionAmount = contributionAmount;
    }

    public String getContributionInKind() {
        return contributionInKind;
    }

    public void setContributionInKind(String contributionInKind) {
        this.contributionInKind = contributionInKind;
    }
}
