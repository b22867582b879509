package se.iop.budget.view;

import java.io.Serializable;
import java.math.BigDecimal;

/** Money a committee allocates to a phase, with the decision behind it. */
public class AllocationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long phaseId;
    private Long committeeId;
    private Long decisionId;
    private BigDecimal amount;

    public Long getPhaseId() {
        return phaseId;
    }

    public void setPhaseId(Long phaseId) {
        this.phaseId = phaseId;
    }

    public Long getCommitteeId() {
        return committeeId;
    }

    public void setCommitteeId(Long committeeId) {
        this.committeeId = committeeId;
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public void setDecisionId(Long decisionId) {
        this.decisionId = decisionId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }
}
