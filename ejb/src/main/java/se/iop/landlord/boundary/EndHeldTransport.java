package se.iop.landlord.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.IOException;

/**
 * The SMTP transport of the server's mail implementation (Angus Mail), asking before it ends a message. A mail
 * server keeps nothing of a message until the line with the single dot that ends its data: when that moment comes,
 * everything else has been sent, and the delivery is marked sent in the database right then. A node that dies
 * before that leaves no mail behind (the server drops the unfinished message, and another worker sends it once the
 * claim runs out); one that dies after it has sent it. Between the two lie the few microseconds of writing the dot,
 * instead of the round trip of a commit after the server's answer, in which the mail would have gone out twice.
 */
final class EndHeldTransport extends SMTPTransport {

    /** Runs when only the end of the message is left to send; an exception keeps the message from being sent. */
    @FunctionalInterface
    interface BeforeEnd {
        void run() throws IOException;
    }

    private BeforeEnd beforeEnd;

    EndHeldTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    /**
     * Sends one message; {@code beforeEnd} may be null. When it throws, the connection is closed without the end, so
     * the server keeps nothing of the message, and the exception comes back as the cause of a MessagingException.
     */
    synchronized void send(MimeMessage message, BeforeEnd beforeEnd) throws MessagingException {
        this.beforeEnd = beforeEnd;
        try {
            sendMessage(message, message.getAllRecipients());
        } finally {
            this.beforeEnd = null;
        }
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        beforeTheEnd();
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        beforeTheEnd();
        super.finishBdat();
    }

    private void beforeTheEnd() throws IOException {
        if (beforeEnd != null) {
            try {
                beforeEnd.run();
            } catch (RuntimeException e) {
                // As an IOException the transport drops the connection at once (no QUIT inside the data).
                throw new IOException("the message was not ended: " + e, e);
            }
        }
    }
}
