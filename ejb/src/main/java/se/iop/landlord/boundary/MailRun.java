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

    /**
     * The two marks of a message sent at most once, each one statement on {@code connection}, whose transaction the
     * caller commits: ENDING just before the message's end, false when another worker holds it now; SENT after the
     * server's 250, false when it is no longer ending under this claim ({@link se.iop.common.MailClaim}).
     */
    public interface Marks {
        boolean ending(Connection connection, Instant at) throws SQLException;

        boolean sent(Connection connection, Instant at) throws SQLException;
    }

    /** What became of a message sent at most once; {@code cause} is what went wrong, null when it went out. */
    public record Once(Outcome outcome, Exception cause) {

        /** Whether the mail server has the message (or may have it: then it is never sent again by itself). */
        public boolean sent() {
            return outcome == Outcome.SENT || outcome == Outcome.ANSWER_LOST || outcome == Outcome.NOT_RECORDED;
        }
    }

    public enum Outcome {
        /** Marked ending, ended, the server answered that it took it, and marked sent. */
        SENT,
        /** It failed before its end: the server keeps nothing; try again later. */
        NOT_SENT,
        /** Marked ending, but the server refused it at its end or the end never went out whole: try again later. */
        NOT_ENDED,
        /** Another worker's claim holds it now: this one neither marked nor ended it. */
        TAKEN_OVER,
        /** Ended, but the server's answer was lost: it may have it; it stays ending, and shows as uncertain. */
        ANSWER_LOST,
        /** The server took it, but SENT could not be committed: it stays ending, and shows as uncertain. */
        NOT_RECORDED
    }

    /**
     * Sends a message at most once, as every background mailer must, and never loses one silently: up to its end,
     * then {@code marks.ending} in a transaction of its own on a connection of {@code dataSource} (no container
     * transaction between it and the end), committed, the end written, and {@code marks.sent} committed once the
     * server answered 250. A node that dies before the ENDING commit leaves the message to be mailed again by another
     * (the server keeps nothing without its end); one that dies after it leaves the row ending, which shows as
     * uncertain once its lease has run out — maybe delivered, never sent again but by an administrator (measured:
     * {@code bench/mail-kill.sh}). {@code what} names it in the log.
     */
    public Once sendOnce(MimeMessage message, DataSource dataSource, Marks marks, String what) {
        try {
            send(message, end -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    if (!marks.ending(connection, Instant.now())) {
                        connection.rollback();
                        throw new TakenOver(what);
                    }
                    connection.commit();
                } catch (SQLException e) {
                    throw new IOException(what + " could not be marked ending: " + e.getMessage(), e);
                }
                end.write();
            });
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
            // could deliver it twice, so it stays ending, and an administrator sees it as uncertain.
            LOG.warning(() -> what + ": the mail server's answer to the end of the message was lost (" + e
                    + "); it stays ending and shows as uncertain");
            return new Once(Outcome.ANSWER_LOST, e);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (!marks.sent(connection, Instant.now())) {
                LOG.warning(() -> what + " went out after an administrator had sent it again");
            }
            connection.commit();
            return new Once(Outcome.SENT, null);
        } catch (SQLException e) {
            LOG.warning(() -> what + " went out but could not be marked sent (" + e.getMessage()
                    + "); it stays ending and shows as uncertain");
            return new Once(Outcome.NOT_RECORDED, e);
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
