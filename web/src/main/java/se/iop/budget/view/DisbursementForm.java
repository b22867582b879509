package se.iop.budget.view;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment to plan for a partner within a phase. */
public class DisbursementForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long phaseId;
    private Long partnerId;
    private BigDecimal amount;
    private LocalDate plannedOn;
    private String reference;

    public Long getPhaseId() {
        return phaseId;
    }

    public void setPhaseId(Long phaseId) {
        this.phaseId = phaseId;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getPlannedOn() {
        return plannedOn;
    }

    public void setPlannedOn(LocalDate plannedOn) {
        this.plannedOn = plannedOn;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
