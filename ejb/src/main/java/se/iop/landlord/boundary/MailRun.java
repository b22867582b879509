package se.iop.landlord.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One pass of the mailer over a number of deliveries: keeps the SMTP connection open between
 * messages and makes each version's PDF once. After a failure the connection is dropped and the
 * next message connects anew, so one bad moment of the server fails only the messages it touched.
 */
public final class MailRun implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailRun.class.getName());

    private final Session session;
    private final Map<Long, PacketDocument> documents = new HashMap<>();
    private final Map<Long, byte[]> pdfs = new HashMap<>();
    private EndHeldTransport transport;
    private int sent;
    private int failed;
    private boolean endReached;
    private boolean endWritten;

    MailRun(Session session) {
        this.session = session;
    }

    PacketDocument document(long versionId, Supplier<PacketDocument> read) {
        return documents.computeIfAbsent(versionId, id -> read.get());
    }

    byte[] pdf(long versionId, Supplier<byte[]> render) {
        return pdfs.computeIfAbsent(versionId, id -> render.get());
    }

    public Session session() {
        return session;
    }

    void send(MimeMessage message) throws MessagingException {
        send(message, null);
    }

    /**
     * Sends a message over the run's connection; {@code atTheEnd} (may be null) runs when only the message's end
     * is left to send, and writes it ({@link EndHeldTransport}).
     */
    public void send(MimeMessage message, EndHeldTransport.AtTheEnd atTheEnd) throws MessagingException {
        endReached = false;
        endWritten = false;
        try {
            if (transport == null || !transport.isConnected()) {
                transport = new EndHeldTransport(session);
                transport.connect();
            }
            message.saveChanges();
            transport.send(message, atTheEnd == null ? null : end -> atTheEnd.run(() -> {
                endReached = true;
                end.write();
            }));
            endWritten = true;
            sent++;
        } catch (MessagingException | RuntimeException e) {
            failed++;
            endWritten = transport != null && transport.endWritten();
            disconnect();
            throw e;
        }
    }

    /** Marks one message sent in one statement on {@code connection}; false when another worker holds it now. */
    @FunctionalInterface
    public interface SentMark {
        boolean mark(Connection connection, Instant at) throws SQLException;
    }

    /** What became of a message sent at most once; {@code cause} is what went wrong, null when it went out. */
    public record Once(Outcome outcome, Exception cause) {

        /** Whether the mail server has the message (or may have it, its answer lost: then it is never sent again). */
        public boolean sent() {
            return outcome == Outcome.SENT || outcome == Outcome.ANSWER_LOST;
        }
    }

    public enum Outcome {
        /** Marked sent, ended, and the server answered that it took it. */
        SENT,
        /** It failed before its end: nothing was marked, the server keeps nothing; try again later. */
        NOT_SENT,
        /** Marked sent, but the server refused it at its end or the end never went out whole: try again later. */
        NOT_ENDED,
        /** Another worker's claim holds it now: this one neither marked nor ended it. */
        TAKEN_OVER,
        /** Ended, but the server's answer was lost: it may have it; it stays sent, so it never goes out twice. */
        ANSWER_LOST
    }

    /**
     * Sends a message at most once, as every background mailer must: up to its end, then {@code mark} in a
     * transaction of its own on a connection of {@code dataSource} (no container transaction, persistence context
     * or EJB call between it and the end), committed, and the end written at once. A node that dies before the
     * commit leaves the message to be mailed again by another (the server keeps nothing without its end); one that
     * dies between the commit and the end loses it (measured: {@code bench/mail-kill.sh}). {@code what} names it in
     * the log.
     */
    public Once sendOnce(MimeMessage message, DataSource dataSource, SentMark mark, String what) {
        try {
            send(message, end -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    if (!mark.mark(connection, Instant.now())) {
                        connection.rollback();
                        throw new TakenOver(what);
                    }
                    connection.commit();
                    // From the commit's answer straight to the end: a node that dies in between loses the mail.
                    end.write();
                } catch (SQLException e) {
                    throw new IOException(what + " could not be marked sent: " + e.getMessage(), e);
                }
            });
            return new Once(Outcome.SENT, null);
        } catch (MessagingException | RuntimeException e) {
            if (MailFailure.causedBy(e, TakenOver.class)) {
                LOG.info(() -> what + " was taken over by another worker before its end; not sent here");
                return new Once(Outcome.TAKEN_OVER, e);
            }
            if (!endReached) {
                return new Once(Outcome.NOT_SENT, e);
            }
            if (e instanceof SMTPSendFailedException || !endWritten) {
                // The server refused the message at its end, or the end never went out whole (the write timed out or
                // the connection broke under it): the server keeps nothing.
                return new Once(Outcome.NOT_ENDED, e);
            }
            // Sent to its end, but the server's answer was lost: it may or may not have kept it. Sending it again
            // could deliver it twice, so it stays sent; an administrator can send it again.
            LOG.warning(() -> what + ": the mail server's answer to the end of the message was lost (" + e
                    + "); it stays marked sent");
            return new Once(Outcome.ANSWER_LOST, e);
        }
    }

    /** Another worker holds the message now (this one's claim ran out): it must not be ended. */
    private static final class TakenOver extends IOException {
        TakenOver(String what) {
            super(what + " was taken over by another worker");
        }
    }

    /** Whether the last message sent got as far as its end: its {@code atTheEnd} went on to write it. */
    public boolean endReached() {
        return endReached;
    }

    /**
     * Whether the last message's end went whole into the connection ({@link EndHeldTransport#endWritten}): when not,
     * the server keeps nothing of it, even if it got as far as its end.
     */
    public boolean endWritten() {
        return endWritten;
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
