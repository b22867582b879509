package se.iop.landlord.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
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
    private Transport transport;
    private int sent;
    private int failed;

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
        try {
            if (transport == null || !transport.isConnected()) {
                transport = session.getTransport("smtp");
                transport.connect();
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
            sent++;
        } catch (MessagingException | RuntimeException e) {
            failed++;
            disconnect();
            throw e;
        }
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
