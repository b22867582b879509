package se.iop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import se.iop.account.security.LoginMechanism;
import se.iop.common.Settings;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a session lives: it ends after {@code IOP_SESSION_IDLE_MINUTES} (default 30) without a
 * request, and at the latest {@code IOP_SESSION_MAX_HOURS} (default 10) after the login that made it,
 * however busy — a session left open on a shared computer, or taken over, does not last for ever.
 * A request in a session past its lifetime ends the session and is sent to the login page (an API
 * request gets 401). Mapped in {@code web.xml}, after {@link RequestLimits}.
 */
@WebListener
public class SessionLifetime extends HttpFilter implements HttpSessionListener {

    private static final long serialVersionUID = 1L;

    public static Duration idle() {
        return Duration.ofMinutes(Settings.number("iop.session.idleMinutes", "IOP_SESSION_IDLE_MINUTES", 30, 1));
    }

    public static Duration maximum() {
        return Duration.ofHours(Settings.number("iop.session.maxHours", "IOP_SESSION_MAX_HOURS", 10, 1));
    }

    /** Whether a session made at {@code created} has lived its whole lifetime at {@code now}. */
    public static boolean over(Instant created, Instant now, Duration maximum) {
        return !now.isBefore(created.plus(maximum));
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle().toSeconds()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            boolean over;
            try {
                over = over(Instant.ofEpochMilli(session.getCreationTime()), Instant.now(), maximum());
            } catch (IllegalStateException alreadyInvalid) {
                over = false;
            }
            if (over) {
                session.invalidate();
                ended(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void ended(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginMechanism.sessionEnded(request, response, null);
    }
}
