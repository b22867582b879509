package se.iop.account.boundary;

import se.iop.account.entity.ApiToken;
import se.iop.account.entity.TokenScope;
import se.iop.account.entity.TokenState;

import java.time.Instant;
import java.time.LocalDate;

/** An API token as pages and the API show it: never its secret nor its hash. */
public record TokenInfo(Long id, Long accountId, String name, String prefix, TokenScope scope, Instant createdAt,
                        String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt,
                        TokenState state) {

    /** For a JPQL constructor expression; the state as of now. */
    public TokenInfo(Long id, Long accountId, String name, String prefix, TokenScope scope, Instant createdAt,
                     String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
        this(id, accountId, name, prefix, scope, createdAt, createdBy, expiresAt, revokedAt, revokedBy, lastUsedAt,
                ApiToken.state(revokedAt, expiresAt, Instant.now()));
    }

    /** The last day it works, as it was chosen when it was issued. */
    public LocalDate lastDay() {
        return ApiToken.lastDay(expiresAt);
    }

    static TokenInfo of(ApiToken t) {
        return new TokenInfo(t.id(), t.account().id(), t.name(), t.prefix(), t.scope(), t.createdAt(), t.createdBy(),
                t.expiresAt(), t.revokedAt(), t.revokedBy(), t.lastUsedAt());
    }
}
