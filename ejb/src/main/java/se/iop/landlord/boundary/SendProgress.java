package se.iop.landlord.boundary;

import java.time.Instant;

/** How far a send has come: its deliveries by status, counted by the database. */
public record SendProgress(long sendId, Long packetId, int number, Instant requestedAt, String requestedBy,
                           long total, long pending, long sent, long failed) {

    public boolean finished() {
        return pending == 0;
    }

    /** Share handled (sent or failed), 0–100. */
    public int percent() {
        return total == 0 ? 100 : (int) ((total - pending) * 100 / total);
    }
}
