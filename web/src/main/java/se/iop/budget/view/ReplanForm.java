package se.iop.budget.view;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A new planned amount for a budget line, against the version the user saw, with the reason (needed
 * when lowering it) and what is spent on the line, shown beside it.
 */
public class ReplanForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long lineId;
    private Long version;
    private String lineName;
    private BigDecimal planned;
    private BigDecimal spent;
    private String reason;

    public Long getLineId() {
        return lineId;
    }

    public void setLineId(Long lineId) {
        this.lineId = lineId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getLineName() {
        return lineName;
    }

    public void setLineName(String lineName) {
        this.lineName = lineName;
    }

    public BigDecimal getPlanned() {
        return planned;
    }

    public void setPlanned(BigDecimal planned) {
        this.planned = planned;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public void setSpent(BigDecimal spent) {
        this.spent = spent;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
