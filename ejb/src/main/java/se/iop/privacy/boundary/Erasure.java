package se.iop.privacy.boundary;

import java.util.List;

/**
 * What an erasure did (GDPR article 17): per table, how many rows were removed or pseudonymised, and what was
 * kept because a rule on public records requires it. {@code requestId} is the audit record of the request.
 */
public record Erasure(long requestId, List<String> subjects, List<Step> steps, List<Step> kept) {

    /** {@code action} is ERASED, PSEUDONYMISED or KEPT. */
    public record Step(String table, String action, int rows) {
        @Override
        public String toString() {
            return table + " " + action.toLowerCase() + " " + rows;
        }
    }
}
