package se.iop.budget.view;

import java.io.Serializable;
import java.time.LocalDate;

/** Paying or cancelling one payment: which one, at which version, and the date or the reason. */
public class DisbursementStep implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long disbursementId;
    private Long version;
    private String label;
    private LocalDate paidOn;
    private String reason;

    public Long getDisbursementId() {
        return disbursementId;
    }

    public void setDisbursementId(Long disbursementId) {
        this.disbursementId = disbursementId;
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

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
