package se.iop.account.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.web.ReturnPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one): a login form
 * for the pages, HTTP Basic for {@code /api}. A successful login gets a new session id and is kept
 * in the session, so API clients may also reuse the session cookie instead of sending the password.
 */
@ApplicationScoped
@AutoApplySession
public class LoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    /** The login page's parameter naming the page to show after logging in. */
    public static final String RETURN_TO = "returnTo";
    /** A request attribute set when a valid login found no room for one more session. */
    public static final String SESSIONS_FULL = "se.iop.sessionsFull";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return api(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return login(request, context, credential);
        }
        if (context.isProtected()) {
            return toLoginPage(request, response, context, path);
        }
        return context.doNothing();
    }

    /**
     * Sends a visitor without a login (or whose session ran out) to the login page. Nothing is kept on
     * the server for an anonymous visitor (no session: anyone could otherwise fill the memory with
     * them); the page asked for travels as the login page's {@code returnTo} parameter when it is a
     * short path of this application ({@link ReturnPath}). A Faces ajax request would follow a plain
     * redirect silently and get HTML it cannot use, leaving the page dead; it gets the redirect as a
     * partial response instead, which the browser then follows.
     */
    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context, String path) {
        String login = request.getContextPath() + LOGIN_PAGE;
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                String target = query == null ? path : path + "?" + query;
                var remembered = ReturnPath.of(target).filter(t -> !t.equals(ReturnPath.START));
                if (remembered.isPresent()) {
                    login += "?" + RETURN_TO + "=" + URLEncoder.encode(remembered.get(), StandardCharsets.UTF_8);
                }
            }
            return context.redirect(login);
        }
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login + "\"/></partial-response>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // No 401 error page here: the login form shows the failure itself (LoginView).
            return AuthenticationStatus.SEND_FAILURE;
        }
        // The first session of this visitor: none is made before a valid login. A new session id at login
        // too: a session fixed by someone else before login is worth nothing.
        try {
            request.getSession(true);
        } catch (IllegalStateException e) {
            // The server's cap on active sessions (max-active-sessions) is reached: refuse the login
            // with a clear answer (LoginView shows it with 503) rather than let memory run out.
            request.setAttribute(SESSIONS_FULL, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.changeSessionId();
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return challenge(response, context);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return challenge(response, context);
            }
            CredentialValidationResult result = identityStores.validate(
                    new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return challenge(response, context);
            }
            return context.notifyContainerAboutLogin(result);
        }
        return context.isProtected() ? challenge(response, context) : context.doNothing();
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"IOP\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    /** Where to go after logging in: the page named by {@code returnTo} if it is one of ours, or the start page. */
    public static String returnTo(HttpServletRequest request) {
        return request.getContextPath() + ReturnPath.orStart(request.getParameter(RETURN_TO));
    }
}
