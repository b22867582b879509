package se.iop.budget.view;

import se.iop.budget.entity.ContributionKind;

import java.io.Serializable;
import java.math.BigDecimal;

/** A party's co-financing of a phase: money, or something in kind valued in SEK. */
public class ContributionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long phaseId;
    private Long partyId;
    private ContributionKind kind;
    private String description;
    private BigDecimal value;
    private BigDecimal hours;

    public Long getPhaseId() {
        return phaseId;
    }

    public void setPhaseId(Long phaseId) {
        this.phaseId = phaseId;
    }

    public Long getPartyId() {
        return partyId;
    }

    public void setPartyId(Long partyId) {
        this.partyId = partyId;
    }

    public ContributionKind getKind() {
        return kind;
    }

    public void setKind(ContributionKind kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }
}
