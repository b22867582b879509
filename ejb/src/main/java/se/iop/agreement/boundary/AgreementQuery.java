package se.iop.agreement.boundary;

import se.iop.agreement.entity.AgreementStatus;
import se.iop.common.Text;

/** A search in the agreement list. */
public record AgreementQuery(String text, AgreementStatus status, int first, int max) {

    public AgreementQuery {
        text = Text.searchTerm("q", text);
    }

    public static AgreementQuery all() {
        return new AgreementQuery(null, null, 0, 1000);
    }
}
