package se.iop.common;

/**
 * The database gave up on the change only because another one touched the same thing at the same moment
 * (a serialization failure or a deadlock): nothing was stored, and the same request may simply be sent
 * again. HTTP 409 with {@code Retry-After}.
 */
public class TryAgain extends StateConflict {
    public TryAgain() {
        super(null, "error.tryAgain");
    }
}
