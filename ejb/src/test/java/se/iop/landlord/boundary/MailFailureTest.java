package se.iop.landlord.boundary;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import se.iop.landlord.entity.DeliveryFailure;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each way a hand-over to the mail server can go wrong gets its own code, and a detail that names the server. */
class MailFailureTest {

    private static final Session SESSION = session();

    private static Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "smtp.example.se");
        p.put("mail.smtp.port", "2525");
        return Session.getInstance(p);
    }

    private static MailFailure of(Exception e) {
        MailFailure f = MailFailure.of(e, SESSION);
        assertFalse(f.detail().contains("Exception"), "no class names: " + f.detail());
        return f;
    }

    @Test
    void refusedOrUnknownServersAreUnreachable() {
        MailFailure refused = of(new MessagingException("Couldn't connect to host, port: smtp.example.se, 2525; timeout 10000",
                new ConnectException("Connection refused")));
        assertEquals(DeliveryFailure.SERVER_UNREACHABLE, refused.code());
        assertEquals("Could not connect to the mail server smtp.example.se:2525 (Couldn't connect to host, port:"
                + " smtp.example.se, 2525; timeout 10000)", refused.detail());
        assertEquals(DeliveryFailure.SERVER_UNREACHABLE,
                of(new MessagingException("Unknown SMTP host", new UnknownHostException("smtp.example.se"))).code());
    }

    @Test
    void aServerThatIsSilentOnConnectOrLaterTimesOut() {
        assertEquals(new MailFailure(DeliveryFailure.SERVER_TIMEOUT,
                        "The mail server smtp.example.se:2525 did not answer in time (Connect timed out)"),
                of(new MessagingException("Couldn't connect to host", new SocketTimeoutException("Connect timed out"))));
        assertEquals(DeliveryFailure.SERVER_TIMEOUT, of(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out"))).code());
    }

    @Test
    void aBrokenConnectionIsToldApartFromARefusal() {
        assertEquals(new MailFailure(DeliveryFailure.CONNECTION_LOST,
                        "The connection to the mail server smtp.example.se:2525 broke (Connection reset)"),
                of(new MessagingException("Exception reading response", new SocketException("Connection reset"))));
        assertEquals(new MailFailure(DeliveryFailure.MESSAGE_REFUSED,
                        "The mail server did not take the message: 552 5.3.4 Message size exceeds fixed limit"),
                of(new MessagingException("552 5.3.4 Message size exceeds fixed limit\n")));
    }

    @Test
    void aRefusedAddressIsNamed() throws Exception {
        Address[] bad = {new InternetAddress("karin@nykopingshem.example")};
        MailFailure f = of(new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0], bad));
        assertEquals(DeliveryFailure.ADDRESS_REFUSED, f.code());
        assertEquals("The mail server refused the address karin@nykopingshem.example: Invalid Addresses", f.detail());
    }

    @Test
    void aMessageThatCouldNotBeMadeIsOurs() {
        assertEquals(new MailFailure(DeliveryFailure.MESSAGE_NOT_MADE, "The message could not be made: no PDF"),
                of(new IllegalStateException("no PDF")));
    }
}
