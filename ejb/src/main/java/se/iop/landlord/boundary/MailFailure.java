package se.iop.landlord.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import se.iop.landlord.entity.DeliveryFailure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * What went wrong when a message was handed to the mail server: the code the pages put in words, and
 * the technical detail for IT staff (server, what it said; no stack trace, no class names).
 */
public record MailFailure(DeliveryFailure code, String detail) {

    static MailFailure of(Exception e, Session session) {
        String server = session.getProperty("mail.smtp.host") + ":" + session.getProperty("mail.smtp.port");
        // Silent (the mail session's connect, read or write timeout ran out), not refused.
        if (causedBy(e, SocketTimeoutException.class)) {
            return new MailFailure(DeliveryFailure.SERVER_TIMEOUT,
                    "The mail server " + server + " did not answer in time (" + rootLine(e) + ")");
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, NoRouteToHostException.class)) {
            return new MailFailure(DeliveryFailure.SERVER_UNREACHABLE,
                    "Could not connect to the mail server " + server + " (" + firstLine(e) + ")");
        }
        if (e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
            return new MailFailure(DeliveryFailure.ADDRESS_REFUSED,
                    "The mail server refused the address " + s.getInvalidAddresses()[0] + ": " + firstLine(s));
        }
        if (e instanceof MessagingException && causedBy(e, IOException.class)) {
            return new MailFailure(DeliveryFailure.CONNECTION_LOST,
                    "The connection to the mail server " + server + " broke (" + rootLine(e) + ")");
        }
        if (e instanceof MessagingException) {
            return new MailFailure(DeliveryFailure.MESSAGE_REFUSED, "The mail server did not take the message: " + firstLine(e));
        }
        return new MailFailure(DeliveryFailure.MESSAGE_NOT_MADE, "The message could not be made: " + firstLine(e));
    }

    public static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return firstLine(t);
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }
}
