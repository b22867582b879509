package se.iop.account.boundary;

import se.iop.account.entity.TokenScope;

import java.util.Set;

/** Who a valid API token speaks for: the account's name and roles, within the token's scope. */
public record TokenCaller(String username, Set<String> roles, TokenScope scope) {
}
