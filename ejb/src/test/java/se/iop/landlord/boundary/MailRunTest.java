package se.iop.landlord.boundary;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.iop.landlord.boundary.EndHeldTransport.End;
import se.iop.landlord.entity.DeliveryFailure;
import se.iop.landlord.entity.VersionStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mailer's SMTP pass against a real SMTP server (GreenMail) that is up, goes down and comes back. */
class MailRunTest {

    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.from", "bostadforst@example.se");
        p.put("mail.smtp.connectiontimeout", "5000");
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session s, String to) throws MessagingException {
        PacketDocument d = PacketPdfTest.document(VersionStatus.PUBLISHED, false);
        return PacketMail.compose(s, d, to, "Karin", "Nyköpingshem AB", URI.create("http://localhost/portal"),
                new byte[]{'%', 'P', 'D', 'F'});
    }

    @Test
    void oneConnectionCarriesManyMessages() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Session s = session(port);
        try (MailRun run = new MailRun(s)) {
            for (int i = 0; i < 5; i++) {
                run.send(message(s, "hyresvard" + i + "@example.se"));
            }
            assertEquals(5, run.sent());
        }
        assertTrue(smtp.waitForIncomingEmail(5000, 5));
        assertEquals("hyresvard4@example.se", smtp.getReceivedMessages()[4].getAllRecipients()[0].toString());
    }

    @Test
    void aServerThatIsDownFailsTheMessageWithAReasonAndTheNextMessageConnectsAgain() throws Exception {
        int port = freePort();
        Session s = session(port);
        try (MailRun run = new MailRun(s)) {
            MessagingException e = assertThrows(MessagingException.class, () -> run.send(message(s, "a@example.se")));
            MailFailure why = MailFailure.of(e, s);
            assertEquals(DeliveryFailure.SERVER_UNREACHABLE, why.code());
            assertTrue(why.detail().startsWith("Could not connect to the mail server 127.0.0.1:" + port), why.detail());
            assertEquals(1, run.failed());

            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            run.send(message(s, "b@example.se"));
            assertEquals(1, run.sent());
        }
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void aServerThatAcceptsButNeverAnswersFailsTheMessageOnceTheReadTimeoutRunsOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> peers = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        peers.add(silent.accept()); // holds the connection open and says nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Session s = session(silent.getLocalPort());
            s.getProperties().put("mail.smtp.timeout", "500");
            long start = System.nanoTime();
            try (MailRun run = new MailRun(s)) {
                MessagingException e = assertThrows(MessagingException.class, () -> run.send(message(s, "a@example.se")));
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "bounded by the timeout");
                MailFailure why = MailFailure.of(e, s);
                assertEquals(DeliveryFailure.SERVER_TIMEOUT, why.code());
                assertEquals("The mail server 127.0.0.1:" + silent.getLocalPort() + " did not answer in time (Read timed out)",
                        why.detail());
                assertEquals(1, run.failed());
            }
            assertEquals(1, peers.size(), "the connection was made; the server only stayed silent");
            for (Socket p : peers) {
                p.close();
            }
        }
    }

    @Test
    void pdfsAndDocumentsAreMadeOncePerVersionAndPass() {
        try (MailRun run = new MailRun(session(1))) {
            int[] made = {0};
            for (int i = 0; i < 3; i++) {
                run.pdf(7L, () -> {
                    made[0]++;
                    return new byte[1];
                });
            }
            run.pdf(8L, () -> {
                made[0]++;
                return new byte[1];
            });
            assertEquals(2, made[0]);
        }
    }

    @Test
    void theDeliveryIsMarkedBeforeTheServerHasTheMessageAndAMessageNotEndedIsNeverKept() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Session s = session(port);
        try (MailRun run = new MailRun(s)) {
            int[] keptWhenMarked = {-1};
            run.send(message(s, "a@example.se"), end -> {
                keptWhenMarked[0] = smtp.getReceivedMessages().length;
                end.write();
            });
            assertEquals(0, keptWhenMarked[0], "marked while the server still kept nothing of it");
            assertTrue(run.endReached());
            assertTrue(run.endWritten());
            assertTrue(smtp.waitForIncomingEmail(5000, 1));

            // Another worker took the delivery over: the message is not ended, and the server keeps nothing of it.
            MessagingException e = assertThrows(MessagingException.class, () -> run.send(message(s, "b@example.se"), end -> {
                throw new IOException("taken over");
            }));
            assertTrue(MailFailure.causedBy(e, IOException.class));
            assertFalse(run.endReached());
            // A hook that neither ends the message nor throws does not leave it half-way: it is not sent either.
            assertThrows(MessagingException.class, () -> run.send(message(s, "d@example.se"), end -> { }));
            assertFalse(run.endReached());
            // The run connects anew for the next message, which arrives.
            run.send(message(s, "c@example.se"), End::write);
        }
        assertTrue(smtp.waitForIncomingEmail(5000, 2));
        Thread.sleep(300);
        List<String> to = java.util.Arrays.stream(smtp.getReceivedMessages())
                .map(m -> { try { return m.getAllRecipients()[0].toString(); } catch (MessagingException x) { throw new IllegalStateException(x); } })
                .toList();
        assertEquals(List.of("a@example.se", "c@example.se"), to);
    }

    @Test
    void aServerThatRefusesTheMessageAtItsEndIsToldApartFromOneThatWasNeverReached() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread refuser = new Thread(() -> answerTheEnd(server, "554 5.7.1 Message refused", new AtomicReference<>()));
            refuser.setDaemon(true);
            refuser.start();
            Session s = session(server.getLocalPort());
            try (MailRun run = new MailRun(s)) {
                MessagingException e = assertThrows(MessagingException.class, () -> run.send(message(s, "a@example.se"), End::write));
                assertTrue(e instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException, e.toString());
                assertTrue(run.endReached(), "refused after its end was sent");
                assertTrue(run.endWritten());
                assertEquals(DeliveryFailure.MESSAGE_REFUSED, MailFailure.of(e, s).code());
            }
        }
    }

    @Test
    void anEndThatNeverWentOutWholeIsToldApartFromAnEndWhoseAnswerWasLost() throws Exception {
        // The connection is reset just before the end: the end cannot be written, and the server keeps nothing.
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicReference<Socket> peer = new AtomicReference<>();
            Thread resetting = new Thread(() -> answerTheEnd(server, "250 ok", peer));
            resetting.setDaemon(true);
            resetting.start();
            Session s = session(server.getLocalPort());
            try (MailRun run = new MailRun(s)) {
                assertThrows(MessagingException.class, () -> run.send(message(s, "a@example.se"), end -> {
                    Socket p = peer.get();
                    p.setSoLinger(true, 0);
                    p.close();
                    try {
                        Thread.sleep(300); // the reset reaches this end of the connection
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    end.write();
                }));
                assertTrue(run.endReached());
                assertFalse(run.endWritten(), "the end never went out");
            }
        }
        // The server takes the end and never answers: the end went out, only the answer was lost.
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicReference<Socket> peer = new AtomicReference<>();
            Thread silent = new Thread(() -> answerTheEnd(server, null, peer));
            silent.setDaemon(true);
            silent.start();
            Session s = session(server.getLocalPort());
            s.getProperties().put("mail.smtp.timeout", "500");
            try (MailRun run = new MailRun(s)) {
                MessagingException e = assertThrows(MessagingException.class, () -> run.send(message(s, "a@example.se"), End::write));
                assertEquals(DeliveryFailure.SERVER_TIMEOUT, MailFailure.of(e, s).code());
                assertTrue(run.endReached());
                assertTrue(run.endWritten(), "the end went out; only the answer is missing");
            }
        }
    }

    /**
     * A mail server that takes everything up to the message's end and then answers it with {@code endReply}, or
     * with nothing when it is null; the connection it holds is put in {@code held}.
     */
    private static void answerTheEnd(ServerSocket server, String endReply, AtomicReference<Socket> held) {
        try (Socket peer = server.accept();
             var in = new java.io.BufferedReader(new java.io.InputStreamReader(peer.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
             var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(peer.getOutputStream(), java.nio.charset.StandardCharsets.US_ASCII), true)) {
            held.set(peer);
            out.print("220 scripted\r\n");
            out.flush();
            boolean data = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String reply;
                if (data) {
                    if (!line.equals(".")) {
                        continue;
                    }
                    data = false;
                    if (endReply == null) {
                        continue;
                    }
                    reply = endReply;
                } else if (line.toUpperCase().startsWith("DATA")) {
                    data = true;
                    reply = "354 go on";
                } else if (line.toUpperCase().startsWith("QUIT")) {
                    out.print("221 bye\r\n");
                    out.flush();
                    return;
                } else {
                    reply = "250 ok";
                }
                out.print(reply + "\r\n");
                out.flush();
            }
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
