package se.iop.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page of a 429 (web.xml): an API login that must wait (LoginThrottle). The login mechanism
 * sets the status and Retry-After; this writes the problem detail the API's clients expect.
 */
@WebServlet("/throttled")
public class ThrottledPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object seconds = response.getHeader("Retry-After");
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            Problem.write(response, 429, "Too Many Requests", "Too many failed logins for this account or from this"
                    + " address; try again in " + (seconds == null ? "a while" : seconds + " s") + ".");
            return;
        }
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }
}
