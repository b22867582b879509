package se.iop.account.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;

/**
 * What a logged-in session remembers of its account: whose it is and the account's session stamp at
 * login. {@link SessionRevocation} compares it with the account's stamp now on each request.
 */
public record SessionStamp(String username, int stamp) implements Serializable {

    static final String ATTRIBUTE = "se.iop.sessionStamp";

    /** Puts the stamp into the request's session (which must exist): a login, or an own password change. */
    static void keep(HttpServletRequest request, String username, int stamp) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, new SessionStamp(username, stamp));
        }
    }

    static SessionStamp of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof SessionStamp s ? s : null;
    }

    /** The same, for a page bean outside this package (the own-account page after a password change). */
    public static void renew(HttpServletRequest request, int stamp) {
        keep(request, request.getRemoteUser(), stamp);
    }
}
