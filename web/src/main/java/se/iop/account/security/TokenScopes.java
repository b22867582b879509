package se.iop.account.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.account.entity.TokenScope;
import se.iop.web.Problem;

import java.io.IOException;

/**
 * A request made with an API token goes no further than the token's scope ({@link TokenScope#permits}): a
 * read-only token's write is refused with 403, whatever the account's roles would allow. Mapped on
 * {@code /api/*} in {@code web.xml}, after the login mechanism has put the token's scope on the request.
 */
public class TokenScopes extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(LoginMechanism.TOKEN_SCOPE) instanceof TokenScope scope
                && !scope.permits(request.getMethod())) {
            Problem.write(response, 403, "Forbidden", "This API token is read-only: it may only read (GET, HEAD).");
            return;
        }
        chain.doFilter(request, response);
    }
}
