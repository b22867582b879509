package se.iop.common;

/** Someone else saved the same thing since it was read: HTTP 409, nothing of theirs is overwritten. */
public class StaleVersion extends StateConflict {
    public StaleVersion() {
        super("version", "error.stale");
    }
}
