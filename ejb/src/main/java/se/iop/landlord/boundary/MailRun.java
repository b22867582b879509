package se.iop.landlord.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One pass of the mailer over a number of deliveries: keeps the SMTP connection open between
 * messages and makes each version's PDF once. After a failure the connection is dropped and the
 * next message connects anew, so one bad moment of the server fails only the messages it touched.
 */
public final class MailRun implements AutoCloseable {

    private final Session session;
    private final Map<Long, PacketDocument> documents = new HashMap<>();
    private final Map<Long, byte[]> pdfs = new HashMap<>();
    private EndHeldTransport transport;
    private int sent;
    private int failed;
    private boolean endReached;

    MailRun(Session session) {
        this.session = session;
    }

    PacketDocument document(long versionId, Supplier<PacketDocument> read) {
        return documents.computeIfAbsent(versionId, id -> read.get());
    }

    byte[] pdf(long versionId, Supplier<byte[]> render) {
        return pdfs.computeIfAbsent(versionId, id -> render.get());
    }

    Session session() {
        return session;
    }

    void send(MimeMessage message) throws MessagingException {
        send(message, null);
    }

    /**
     * Sends a message over the run's connection; {@code beforeEnd} (may be null) runs when only the message's end
     * is left to send ({@link EndHeldTransport}).
     */
    void send(MimeMessage message, EndHeldTransport.BeforeEnd beforeEnd) throws MessagingException {
        endReached = false;
        try {
            if (transport == null || !transport.isConnected()) {
                transport = new EndHeldTransport(session);
                transport.connect();
            }
            message.saveChanges();
            transport.send(message, beforeEnd == null ? null : () -> {
                beforeEnd.run();
                endReached = true;
            });
            sent++;
        } catch (MessagingException | RuntimeException e) {
            failed++;
            disconnect();
            throw e;
        }
    }

    /** Whether the last message sent got as far as its end: its {@code beforeEnd} ran. */
    boolean endReached() {
        return endReached;
    }

    private void disconnect() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is given up either way
            }
            transport = null;
        }
    }

    public int sent() {
        return sent;
    }

    public int failed() {
        return failed;
    }

    @Override
    public void close() {
        disconnect();
    }
}
