package se.iop.agreement.boundary;

import se.iop.agreement.entity.AgreementStatus;

/** A search in the agreement list. */
public record AgreementQuery(String text, AgreementStatus status, int first, int max) {

    public static AgreementQuery all() {
        return new AgreementQuery(null, null, 0, 1000);
    }
}
