package se.iop.landlord.boundary;

/** Event: a send was stored with its queued deliveries; observed once the transaction has committed. */
public record SendQueued(long sendId) {
}
