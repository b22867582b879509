package se.iop.landlord.boundary;

import se.iop.common.DomainException;

/** The e-mail's personal link is older than {@code IOP_LINK_DAYS}: the landlord logs in and finds the packet in the portal. */
public class LinkExpired extends DomainException {
    public LinkExpired() {
        super("token", "error.portal.linkExpired");
    }
}
