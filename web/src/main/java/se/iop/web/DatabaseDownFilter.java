package se.iop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.common.DatabaseUnavailable;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * A page that fails because the database cannot be reached answers 503 with Retry-After and the friendly
 * "try again" page (error.xhtml), not a 500 with a stack trace in the log: nothing is wrong with the page,
 * and it works again as soon as the database is back. The API answers the same in {@link ProblemMapper}.
 * First of the filters (web.xml), so that it also covers the filters that read the database.
 */
public class DatabaseDownFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseDownFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.in(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "The database is unavailable; page " + request.getRequestURI() + " answered 503: "
                    + ProblemMapper.innermost(e));
            response.reset();
            response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
