package se.iop.budget.view;

import se.iop.budget.entity.LineCategory;

import java.io.Serializable;
import java.math.BigDecimal;

/** A new budget line of a phase. */
public class LineForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long phaseId;
    private LineCategory category;
    private String name;
    private BigDecimal planned;
    private String account;

    public Long getPhaseId() {
        return phaseId;
    }

    public void setPhaseId(Long phaseId) {
        this.phaseId = phaseId;
    }

    public LineCategory getCategory() {
        return category;
    }

    public void setCategory(LineCategory category) {
        this.category = category;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getPlanned() {
        return planned;
    }

    public void setPlanned(BigDecimal planned) {
        this.planned = planned;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }
}
