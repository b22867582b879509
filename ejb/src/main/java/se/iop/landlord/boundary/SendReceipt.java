package se.iop.landlord.boundary;

/**
 * What a send request queued: how many deliveries, how many contacts were left out because they
 * already had the version, and how many landlords have no e-mail address to send to.
 */
public record SendReceipt(long sendId, int queued, int alreadyHad, int withoutAddress) {
}
