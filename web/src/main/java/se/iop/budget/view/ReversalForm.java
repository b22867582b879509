package se.iop.budget.view;

import java.io.Serializable;
import java.time.LocalDate;

/** The correction of a booked cost: a reversal dated on or after it, with a reason and its own voucher. */
public class ReversalForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long expenseId;
    private String label;
    private LocalDate spentOn;
    private String reason;
    private String voucher;

    public Long getExpenseId() {
        return expenseId;
    }

    public void setExpenseId(Long expenseId) {
        this.expenseId = expenseId;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public LocalDate getSpentOn() {
        return spentOn;
    }

    public void setSpentOn(LocalDate spentOn) {
        this.spentOn = spentOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getVoucher() {
        return voucher;
    }

    public void setVoucher(String voucher) {
        this.voucher = voucher;
    }
}
