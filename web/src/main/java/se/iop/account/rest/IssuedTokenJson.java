package se.iop.account.rest;

import se.iop.account.boundary.ApiTokens;
import se.iop.account.entity.TokenScope;
import se.iop.account.entity.TokenState;

import java.time.Instant;

/** A token just issued: as listed, plus the secret to send as {@code Authorization: Bearer <secret>}. */
public record IssuedTokenJson(Long id, Long accountId, String name, String prefix, TokenScope scope, Instant createdAt,
                              String createdBy, Instant expiresAt, TokenState state, String secret) {

    static IssuedTokenJson of(ApiTokens.Issued issued) {
        var t = issued.token();
        return new IssuedTokenJson(t.id(), t.accountId(), t.name(), t.prefix(), t.scope(), t.createdAt(), t.createdBy(),
                t.expiresAt(), t.state(), issued.secret());
    }
}
