package se.iop.landlord.boundary;

import java.util.List;

/**
 * Whom to send a version to: the chosen landlords, or every active landlord not yet reached by this
 * version. A landlord's contact who already has the version gets it again only when {@code resend} is asked.
 */
public record SendRequest(List<Long> landlordIds, boolean notYetReached, boolean resend) {
}
