package se.iop.account.boundary;

import java.util.Set;

/**
 * What a login attempt came to. {@code VALID} carries the account's name, roles and the session stamp a
 * session opened now must carry; {@code THROTTLED} how many seconds the next attempt must wait.
 * A wrong password and an unknown or inactive account are one answer, {@code INVALID}.
 */
public record Authentication(Outcome outcome, String username, Set<String> roles, int sessionStamp, long waitSeconds) {

    public enum Outcome { VALID, INVALID, THROTTLED }

    static Authentication valid(String username, Set<String> roles, int sessionStamp) {
        return new Authentication(Outcome.VALID, username, Set.copyOf(roles), sessionStamp, 0);
    }

    static Authentication refused(long waitSeconds) {
        return new Authentication(waitSeconds > 0 ? Outcome.THROTTLED : Outcome.INVALID, null, Set.of(), 0, waitSeconds);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
