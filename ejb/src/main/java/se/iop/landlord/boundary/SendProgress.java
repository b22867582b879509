package se.iop.landlord.boundary;

import java.time.Instant;

/**
 * How far a send has come: its deliveries by status, counted by the database; {@code uncertain} those whose worker
 * died at the message's end (they may have arrived; none is pending).
 */
public record SendProgress(long sendId, Long packetId, int number, Instant requestedAt, String requestedBy,
                           long total, long pending, long sent, long failed, long uncertain) {

    public boolean finished() {
        return pending == 0;
    }

    /** Share handled (sent, failed or uncertain), 0–100. */
    public int percent() {
        return total == 0 ? 100 : (int) ((total - pending) * 100 / total);
    }
}
