package se.iop.budget.view;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Reducing or withdrawing one allocation: which one, at which version, what the phase has committed
 * (shown, so the user sees how low it can go), the new amount and the reason.
 */
public class CorrectionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long phaseId;
    private Long allocationId;
    private Long version;
    private String label;
    private BigDecimal current;
    private BigDecimal committed;
    private BigDecimal amount;
    private String reason;

    public Long getPhaseId() {
        return phaseId;
    }

    public void setPhaseId(Long phaseId) {
        this.phaseId = phaseId;
    }

    public Long getAllocationId() {
        return allocationId;
    }

    public void setAllocationId(Long allocationId) {
        this.allocationId = allocationId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public BigDecimal getCurrent() {
        return current;
    }

    public void setCurrent(BigDecimal current) {
        this.current = current;
    }

    public BigDecimal getCommitted() {
        return committed;
    }

    public void setCommitted(BigDecimal committed) {
        this.committed = committed;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
