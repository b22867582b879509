package se.iop.landlord.boundary;

import se.iop.landlord.entity.DeliveryStatus;

import java.time.Instant;

/** A packet version as a landlord's portal lists it: what it is, when it came, how far the landlord has got. */
public record PortalPacket(Long versionId, String title, int number, Instant publishedAt, Instant receivedAt,
                           Instant openedAt, Instant acknowledgedAt) {

    public DeliveryStatus status() {
        return acknowledgedAt != null ? DeliveryStatus.ACKNOWLEDGED
                : openedAt != null ? DeliveryStatus.OPENED : DeliveryStatus.SENT;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
