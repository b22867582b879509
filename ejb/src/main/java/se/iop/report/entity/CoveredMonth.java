package se.iop.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One month a report covers, with the report's agreement and partner beside it, so that a unique index
 * in the database refuses two reports of the same partner and agreement covering the same month, even
 * when both are written at the same moment.
 */
@Embeddable
public class CoveredMonth implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "agreement_id", nullable = false)
    private Long agreementId;

    @Column(name = "partner_id", nullable = false)
    private Long partnerId;

    @Column(name = "month", nullable = false)
    private LocalDate month;

    protected CoveredMonth() {
    }

    CoveredMonth(Long agreementId, Long partnerId, LocalDate month) {
        this.agreementId = agreementId;
        this.partnerId = partnerId;
        this.month = month;
    }

    public LocalDate month() {
        return month;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoveredMonth c && Objects.equals(agreementId, c.agreementId)
                && Objects.equals(partnerId, c.partnerId) && Objects.equals(month, c.month);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agreementId, partnerId, month);
    }
}
