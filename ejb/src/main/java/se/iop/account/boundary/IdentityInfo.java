package se.iop.account.boundary;

import java.time.Instant;

/** A link of an account to a provider, as pages and the API show it: never the subject (only its hash is kept). */
public record IdentityInfo(String provider, Instant linkedAt, Instant lastSignInAt) {
}
