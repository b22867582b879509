package se.iop.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.common.DatabaseUnavailable;

import java.io.IOException;

/**
 * The error page of a 503 (web.xml): the database is away. A request to the API gets the problem detail it
 * expects, a page the friendly "try again" page; both Retry-After. Needed because a 503 that the login
 * mechanism answers (the accounts cannot be read) becomes an error dispatch, never reaching the API's mapper.
 */
@WebServlet("/unavailable")
public class UnavailablePage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            Problem p = (Problem) ProblemMapper.problem().getEntity();
            Problem.write(response, p.status(), p.title(), p.detail());
            return;
        }
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }
}
