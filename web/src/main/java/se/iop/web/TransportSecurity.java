package se.iop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.common.Settings;

import java.io.IOException;

/**
 * When the site is served over TLS ({@code IOP_PUBLIC_URL} is https) the session cookie is marked
 * {@code Secure} and every answer carries HSTS, so that a browser never sends the cookie in clear text
 * and never again tries plain http for this host. One rule, read from the one public address.
 */
public class TransportSecurity extends HttpFilter implements ServletContextListener {

    static final String HSTS = "max-age=31536000";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (Settings.servedOverTls()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Settings.servedOverTls()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
