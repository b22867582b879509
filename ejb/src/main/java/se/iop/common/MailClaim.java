package se.iop.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Which worker is mailing a row now (a random id per claim) and until when no other may take it over: the claim a
 * landlord delivery and a report reminder carry alike (columns {@code claim}, {@code claimed_until}, migration V21).
 * A worker that died keeps it only until the lease runs out; then another may take it, and the first one can no
 * longer mark the row sent. Hibernate reads a row without a claim as a null embeddable: the owner asks {@link #of}.
 */
@Embeddable
public class MailClaim implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(length = 36)
    private String claim;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    /** The claim as loaded, or an empty one where the row had none. */
    public static MailClaim of(MailClaim loaded) {
        return loaded == null ? new MailClaim() : loaded;
    }

    /** Takes it for {@code lease} when nobody else holds it now; the new claim's id, else null. */
    public String take(Instant now, Duration lease) {
        if (claimedUntil != null && claimedUntil.isAfter(now)) {
            return null;
        }
        claim = UUID.randomUUID().toString();
        claimedUntil = now.plus(lease);
        return claim;
    }

    /** Whether {@code claimId} is the claim on the row. */
    public boolean is(String claimId) {
        return claimId != null && claimId.equals(claim);
    }

    public void release() {
        claim = null;
        claimedUntil = null;
    }

    public String id() {
        return claim;
    }
}
