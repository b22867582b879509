package se.iop.agreement.boundary;

import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementStatus;

import java.time.LocalDate;

/** An agreement in a short list (a partner's start page): what it is called, where it stands, when it runs. */
public record AgreementBrief(Long id, String reference, String title, AgreementStatus status, LocalDate start,
                             LocalDate end) {

    static AgreementBrief of(Agreement a) {
        return new AgreementBrief(a.id(), a.reference(), a.title(), a.status(),
                a.period() == null ? null : a.period().start(), a.period() == null ? null : a.period().end());
    }
}
