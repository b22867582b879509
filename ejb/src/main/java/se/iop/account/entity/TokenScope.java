package se.iop.account.entity;

import se.iop.common.InvalidInput;

import java.util.Arrays;
import java.util.Set;

/**
 * What an API token lets its holder do with the account's roles. {@code READ_ONLY} is the simplest honest
 * read part: only requests that change nothing by HTTP's rules (GET, HEAD) are let through, whatever the
 * roles would allow; {@code ACCOUNT_ROLES} is all the account may do.
 */
public enum TokenScope {
    READ_ONLY,
    ACCOUNT_ROLES;

    private static final Set<String> READS = Set.of("GET", "HEAD");

    /** The scope a client named ({@code READ_ONLY} when none), or a refusal naming {@code field}. */
    public static TokenScope named(String field, String text) {
        if (text == null || text.isBlank()) {
            return READ_ONLY;
        }
        return Arrays.stream(values()).filter(s -> s.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInput(field, "error.token.scope"));
    }

    /** Whether a request with this HTTP method is within the scope. */
    public boolean permits(String method) {
        return this == ACCOUNT_ROLES || READS.contains(method);
    }
}
