package se.iop.landlord.entity;

/**
 * Where a delivery stands: queued for the mail server, sent, opened in the portal, acknowledged by
 * the landlord; or failed (the mail server refused or could not be reached), to be tried again.
 */
public enum DeliveryStatus {
    QUEUED,
    SENT,
    OPENED,
    ACKNOWLEDGED,
    FAILED;

    /** Whether the landlord has got the packet: the mail went out. */
    public boolean reached() {
        return this == SENT || this == OPENED || this == ACKNOWLEDGED;
    }
}
