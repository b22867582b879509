package se.iop.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.account.entity.ApiToken;
import se.iop.account.entity.TokenScope;

import java.time.LocalDate;

/**
 * A token to issue: its name, its scope ({@code READ_ONLY} when left out, or {@code ACCOUNT_ROLES}) and the
 * last day it works ({@code expiresOn}; 90 days from today when left out, at most a year).
 */
public record TokenInput(@NotBlank @Size(max = ApiToken.NAME_MAX) String name,
                         @Size(max = 20) @Schema(enumeration = {"READ_ONLY", "ACCOUNT_ROLES"}) String scope,
                         LocalDate expiresOn) {

    public TokenScope tokenScope() {
        return TokenScope.named("scope", scope);
    }
}
