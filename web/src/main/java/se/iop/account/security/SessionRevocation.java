package se.iop.account.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import se.iop.account.boundary.CallerCache;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * Ends a session whose account was deactivated, or whose roles, organisation or password changed since
 * the login: the account's session stamp moved on ({@code Account.endSessions}). The request is then
 * answered as one without a login: the login page for a page, 401 for the API. Static resources are
 * not checked; they tell nothing. The stamp is read from {@link CallerCache}: a change made through the application
 * on this node ends the session at its next request, one made elsewhere within {@link CallerCache#recheck()}.
 */
public class SessionRevocation extends HttpFilter {

    @Inject
    private CallerCache callers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String user = request.getRemoteUser();
        if (session != null && user != null && !LoginMechanism.isResource(request)) {
            SessionStamp kept = SessionStamp.of(session);
            if (kept == null && request.getAttribute(SessionStamp.ATTRIBUTE) instanceof SessionStamp fresh) {
                // Logged in by this very request's credentials (HTTP Basic) into a session the container keeps.
                session.setAttribute(SessionStamp.ATTRIBUTE, fresh);
                kept = fresh;
            }
            OptionalInt now = callers.sessionStamp(user);
            if (kept == null || !kept.username().equals(user) || now.isEmpty() || now.getAsInt() != kept.stamp()) {
                end(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        LoginMechanism.sessionEnded(request, response, "sessionEnded=true");
    }
}
