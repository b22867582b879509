package se.iop.agreement.boundary;

import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.PartyRole;
import se.iop.agreement.entity.Signature;
import se.iop.agreement.entity.SignatureMethod;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One party of an agreement and its signature, if it has signed: what the agreement page's signature section, its
 * timeline and the API show. {@code required}: the agreement needs this party's signature to come into force;
 * {@code diaryNumber}: the registration of an uploaded signed agreement.
 */
public record PartySignature(long partyId, long organisationId, String organisation, PartyRole role,
                             boolean required, Long signatureId, SignatureMethod method, String signedBy,
                             LocalDate signedOn, Instant recordedAt, String recordedBy, String filename,
                             Long sizeBytes, String sha256, String diaryNumber) {

    static PartySignature of(Agreement a, AgreementParty p, String diaryNumber) {
        boolean required = a.signatories().contains(p);
        Signature s = a.signatureOf(p).orElse(null);
        if (s == null) {
            return new PartySignature(p.id(), p.organisation().id(), p.organisation().name(), p.role(), required,
                    null, null, null, null, null, null, null, null, null, null);
        }
        return new PartySignature(p.id(), p.organisation().id(), p.organisation().name(), p.role(), required, s.id(),
                s.method(), s.signedBy(), s.signedOn(), s.recordedAt(), s.recordedBy(), s.filename(), s.sizeBytes(),
                s.sha256(), diaryNumber);
    }

    public boolean signed() {
        return signatureId != null;
    }

    public boolean hasDocument() {
        return method == SignatureMethod.UPLOAD;
    }
}
