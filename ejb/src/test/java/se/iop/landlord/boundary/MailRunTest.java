package se.iop.landlord.boundary;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
