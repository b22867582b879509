package se.iop.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) in the test JVM on the port the server's mail session was given
 * ({@code iop.it.smtp.port}, passed to WildFly by arquillian.xml): what the application mails lands here.
 * It can be stopped and started again, to see the application cope with a mail server that is down.
 */
public final class Smtp {

    private static GreenMail server;

    private Smtp() {
    }

    public static int port() {
        return Integer.parseInt(System.getProperty("iop.it.smtp.port", "3025"));
    }

    /** The running server, started on first use. */
    public static synchronized GreenMail server() {
        if (server == null) {
            ServerSetup setup = new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(10_000);
            // the port may still be held a moment by the server a test stood in its place (SilentSmtp)
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                GreenMail mail = new GreenMail(setup);
                try {
                    mail.start();
                    server = mail;
                    break;
                } catch (IllegalStateException e) {
                    mail.stop();
                    if (System.nanoTime() > end) {
                        throw e;
                    }
                    sleep(500);
                }
            }
        }
        return server;
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received for this address so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    /** Waits until this many messages for the address have arrived; fails after the timeout. */
    public static List<MimeMessage> await(String address, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> got = to(address);
        while (got.size() < count && System.nanoTime() < end) {
            sleep(100);
            got = to(address);
        }
        if (got.size() < count) {
            throw new AssertionError("expected " + count + " messages to " + address + ", got " + got.size());
        }
        return got;
    }

    private static boolean addressedTo(MimeMessage m, String address) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
