package se.iop.landlord.entity;

/**
 * Why a delivery failed, as the administrator needs to know it: the pages say it in the reader's
 * language, and the technical detail of the mail server's answer is kept beside it for IT staff.
 */
public enum DeliveryFailure {
    /** The mail server refused the connection or could not be found: down, or the wrong host or port. */
    SERVER_UNREACHABLE,
    /** The mail server was reached but did not answer within the mail session's timeout. */
    SERVER_TIMEOUT,
    /** The connection to the mail server broke while the message was on its way. */
    CONNECTION_LOST,
    /** The mail server refused the recipient's address. */
    ADDRESS_REFUSED,
    /** The mail server refused the message itself (its size, the sender, a login it wants). */
    MESSAGE_REFUSED,
    /** The message could not be put together: a fault of this application, not of the mail server. */
    MESSAGE_NOT_MADE,
    /** Not told apart (deliveries that failed before the reasons had codes). */
    OTHER
}
