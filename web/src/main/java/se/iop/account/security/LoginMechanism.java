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
import se.iop.landlord.boundary.PortalLinks;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    static final String SAVED_URL = "se.iop.loginReturnTo";
    /** The page an e-mail's personal link opens, and where an expired one leads instead. */
    static final String LINK_PAGE = "/portal/packet.xhtml";
    public static final String LINK_EXPIRED_PAGE = LOGIN_PAGE + "?link=expired";

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private PortalLinks links;

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
            if (LINK_PAGE.equals(path) && "GET".equals(request.getMethod()) && links.expired(request.getParameter("token"))) {
                // Said before login, not after it: the link would not open the packet anyway.
                return context.redirect(request.getContextPath() + LINK_EXPIRED_PAGE);
            }
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession(true).setAttribute(SAVED_URL, path + (query == null ? "" : "?" + query));
            }
            return toLoginPage(request, response, context);
        }
        return context.doNothing();
    }

    /**
     * Sends a visitor without a login (or whose session ran out) to the login page. A Faces ajax
     * request would follow a plain redirect silently and get HTML it cannot use, leaving the page
     * dead; it gets the redirect as a partial response instead, which the browser then follows.
     */
    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String login = request.getContextPath() + LOGIN_PAGE;
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
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
        // A new session id at login: a session fixed by someone else before login is worth nothing.
        request.getSession(true);
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

    /** Where to go after logging in: the page the user first asked for, or the start page. */
    public static String returnTo(HttpServletRequest request) {
        var session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(SAVED_URL);
        if (session != null) {
            session.removeAttribute(SAVED_URL);
        }
        // Only paths inside this application, never an absolute URL someone slipped in.
        if (saved instanceof String s && s.startsWith("/") && !s.startsWith("//") && !s.startsWith(LOGIN_PAGE)) {
            return request.getContextPath() + s;
        }
        return request.getContextPath() + "/index.xhtml";
    }
}
