package se.iop.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page of a 401 (web.xml): an API request without valid credentials — none, a wrong password,
 * or an API token that is malformed, unknown, revoked, expired or of an inactive account. One problem
 * detail for all of them, which says nothing of why. The login mechanism sets the status and the
 * {@code WWW-Authenticate} challenge; a body written there would leave a committed response the
 * container's clean-up fails on. Pages never answer 401 (they lead to the login page).
 */
@WebServlet("/unauthorized")
public class UnauthorizedPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String DETAIL = "Valid credentials are needed: an API token (Authorization: Bearer),"
            + " HTTP Basic, or the session cookie of a login.";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            Problem.write(response, 401, "Unauthorized", DETAIL);
            return;
        }
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }
}
