package se.iop.agreement.entity;

import java.time.Instant;
import java.time.LocalDate;

/** The one test helper that signs an agreement for every party that has not, on paper, as activation requires. */
public final class Signed {

    public static final LocalDate ON = LocalDate.of(2023, 9, 30);

    private Signed() {
    }

    public static Agreement byEveryParty(Agreement a) {
        for (AgreementParty p : a.signatories()) {
            if (a.signatureOf(p).isEmpty()) {
                a.signOnPaper(p, "Firmatecknare för " + p.organisation().name(), ON, "test", Instant.now());
            }
        }
        return a;
    }
}
