package se.iop.landlord.boundary;

/**
 * A version's deliveries by where they stand: pending (queued), received (sent, not yet opened),
 * opened, acknowledged, failed, uncertain (the worker died at the message's end: it may have arrived); and how many
 * active landlords it has not reached at all.
 */
public record DeliveryOverview(long pending, long received, long opened, long acknowledged, long failed,
                               long uncertain, long landlordsNotReached) {

    public long total() {
        return pending + received + opened + acknowledged + failed + uncertain;
    }

    /** Share of the total, 0–100, for drawing the bar. */
    public int percent(long part) {
        return total() == 0 ? 0 : (int) Math.round(part * 100.0 / total());
    }
}
