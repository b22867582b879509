package se.iop.account.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.account.boundary.Accounts;
import se.iop.account.boundary.IdentityProviders;
import se.iop.account.boundary.IdentityProviders.Provider;
import se.iop.account.entity.SubjectHash;
import se.iop.web.Markup;
import se.iop.web.ReturnPath;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses of sign-in through a provider that need no login: {@code GET /sso/<id>} sends the browser to
 * the provider (the login page's buttons lead here), {@code POST /sso/<id>/backchannel-logout} takes the
 * provider's word that a person logged out there. After the provider's answer
 * ({@code /sso/<id>/callback}, which {@link ProviderSignIn} handles in the login mechanism) this only leads
 * on to the page asked for.
 */
@WebServlet("/sso/*")
public class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignInServlet.class.getName());
    private static final Pattern START = Pattern.compile("/([a-z][a-z0-9-]{0,39})");
    private static final Pattern LOGOUT = Pattern.compile("/([a-z][a-z0-9-]{0,39})/logout");
    private static final Pattern BACK_CHANNEL = Pattern.compile("/([a-z][a-z0-9-]{0,39})/backchannel-logout");

    @Inject
    private OpenIdConnect oidc;

    @Inject
    private Accounts accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(ProviderSignIn.AFTER) instanceof String after) {
            response.sendRedirect(after);
            return;
        }
        Matcher logout = LOGOUT.matcher(pathInfo(request));
        if (logout.matches()) {
            logoutAt(IdentityProviders.find(logout.group(1)), request, response);
            return;
        }
        Matcher start = START.matcher(pathInfo(request));
        Optional<Provider> provider = start.matches() ? IdentityProviders.find(start.group(1)) : Optional.empty();
        if (provider.isEmpty() || !SubjectHash.configured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String returnTo = ReturnPath.orStart(request.getParameter(LoginMechanism.RETURN_TO));
        SignInState state = SignInState.start(provider.get().id(), returnTo, Instant.now());
        try {
            var to = oidc.authorization(provider.get(), state);
            ProviderSignIn.setCookie(request, response, state.cookieValue());
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(to.toString());
        } catch (OpenIdConnect.Unreachable e) {
            LOG.warning(e::getMessage);
            response.sendRedirect(request.getContextPath() + LoginMechanism.LOGIN_PAGE + "?signin=unreachable");
        }
    }

    /**
     * After the local logout ({@code LoginView}): a page that sends the browser on to the provider's logout, which
     * then returns it to the login page. A page with a refresh, not a redirect, because this follows a form post,
     * whose redirects the CSP keeps on this site. Nothing here needs a login: at worst it logs a visitor out at the
     * provider, which asks first.
     */
    private void logoutAt(Optional<Provider> provider, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<java.net.URI> there = provider.flatMap(p -> oidc.endSession(p, null, ProviderSignIn.loggedOutPage()));
        if (there.isEmpty()) {
            response.sendRedirect(request.getContextPath() + LoginMechanism.LOGIN_PAGE + "?loggedOut=true");
            return;
        }
        String url = Markup.escape(there.get().toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"><title>Utloggning</title></head><body>"
                + "<p>Du loggas ut även hos " + Markup.escape(provider.get().label()) + ". <a id=\"continue\" href=\"" + url
                + "\">Fortsätt</a></p></body></html>");
    }

    /** OpenID Connect Back-Channel Logout 1.0: 200 when the person's sessions here are ended, 400 otherwise. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = BACK_CHANNEL.matcher(pathInfo(request));
        Optional<Provider> provider = m.matches() ? IdentityProviders.find(m.group(1)) : Optional.empty();
        if (provider.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("logout_token");
        try {
            JWTClaimsSet claims = oidc.logoutToken(provider.get(), token == null ? "" : token);
            String sub = claims.getSubject();
            if (sub == null) {
                // A session id alone names no account here: sessions are ended per account (its session stamp).
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            boolean ended = accounts.endSessionsOf(provider.get().id(), sub);
            LOG.info(() -> "Back-channel logout from '" + provider.get().id() + "': " + (ended ? "sessions ended" : "no account linked"));
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (OpenIdConnect.Refused | OpenIdConnect.Unreachable e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static String pathInfo(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }
}
