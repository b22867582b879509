package se.iop.landlord.entity;

/** How a packet reaches a landlord. E-mail with the PDF and a link to the portal is the one there is now. */
public enum DeliveryChannel {
    EMAIL
}
