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
 * everything else has been sent, and the delivery is marked sent in the database right then, and the end written
 * the moment that is committed. A node that dies before the commit leaves no mail behind (the server drops the
 * unfinished message, and another worker sends it once the claim runs out); one that dies after the end was
 * written has sent it. Between the two lie the few microseconds from the commit's answer to writing the dot,
 * instead of the round trip of a commit after the server's answer, in which the mail would have gone out twice.
 */
public final class EndHeldTransport extends SMTPTransport {

    /**
     * Runs when only the end of the message is left to send, and sends it by {@link End#write}; throwing instead
     * keeps the message from being sent.
     */
    @FunctionalInterface
    public interface AtTheEnd {
        void run(End end) throws IOException, MessagingException;
    }

    /** Writes the end of the message and reads the server's answer to it. */
    @FunctionalInterface
    public interface End {
        void write() throws IOException, MessagingException;
    }

    private AtTheEnd atTheEnd;
    private boolean endCalled;
    private boolean ending;
    private boolean endWritten;

    EndHeldTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    /**
     * Sends one message; {@code atTheEnd} may be null. When it throws before it has written the end, the connection
     * is closed without the end, so the server keeps nothing of the message, and the exception comes back as the
     * cause of a MessagingException.
     */
    synchronized void send(MimeMessage message, AtTheEnd atTheEnd) throws MessagingException {
        this.atTheEnd = atTheEnd;
        ending = false;
        endWritten = false;
        try {
            sendMessage(message, message.getAllRecipients());
        } finally {
            this.atTheEnd = null;
            ending = false;
        }
    }

    /**
     * Whether the last message's end (the rest of its data and the dot) was handed whole to the connection. When it
     * was not (the write timed out, the server reset the connection), the server has not got the end and keeps
     * nothing; when it was, only the server's answer can have been lost.
     */
    synchronized boolean endWritten() {
        return endWritten;
    }

    @Override
    protected void sendCommand(String cmd) throws MessagingException {
        // Only the first command after the hook is the end; anything later (closing the connection) is not.
        boolean theEnd = ending;
        ending = false;
        super.sendCommand(cmd);
        if (theEnd) {
            endWritten = true;
        }
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        atTheEnd(() -> {
            ending = true;
            super.finishData();
        });
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        atTheEnd(() -> {
            ending = true;
            super.finishBdat();
        });
    }

    private void atTheEnd(End end) throws IOException, MessagingException {
        if (atTheEnd == null) {
            end.write();
            return;
        }
        endCalled = false;
        try {
            atTheEnd.run(() -> {
                endCalled = true;
                end.write();
            });
        } catch (RuntimeException e) {
            // As an IOException the transport drops the connection at once (no QUIT inside the data).
            throw new IOException("the message was not ended: " + e, e);
        }
        if (!endCalled) {
            throw new IOException("the message was not ended: nothing wrote its end");
        }
    }
}
