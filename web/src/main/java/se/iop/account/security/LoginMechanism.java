package se.iop.account.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.landlord.boundary.PortalLinks;

import jakarta.ws.rs.core.Response;
import se.iop.account.boundary.Accounts;
import se.iop.account.boundary.Authentication;
import se.iop.account.boundary.CallerCache;
import se.iop.account.boundary.IdentityProviders;
import se.iop.account.entity.ApiToken;
import se.iop.account.boundary.TokenCaller;
import se.iop.common.DatabaseUnavailable;
import se.iop.web.Markup;
import se.iop.web.Problem;
import se.iop.web.ProblemMapper;
import se.iop.web.ReturnPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one): a login form
 * for the pages, HTTP Basic or an API token ({@code Authorization: Bearer iop_…}) for {@code /api}.
 * A successful login by form or Basic gets a new session id and is kept in the session, so API clients
 * may also reuse the session cookie instead of sending the password. Passwords are checked by
 * {@link Accounts#authenticate}, which throttles guessing; the session remembers the account's session
 * stamp ({@link SessionRevocation}). A token request is stateless: checked on every request by
 * {@link CallerCache#token} (a SHA-256, and a query at most every few seconds; no PBKDF2), and no session is made for it.
 *
 * <p>Sessions are reused here rather than by {@code @AutoApplySession}: that interceptor asks the container
 * to keep every successful login in a session, a token's too. What it did is done the same way below.
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String CHALLENGE = "Basic realm=\"IOP\", charset=\"UTF-8\"";
    /** A token refused, for whatever reason (RFC 6750); the answer says no more. */
    static final String BEARER_CHALLENGE = "Bearer realm=\"IOP\", error=\"invalid_token\"";
    /**
     * The key of the message info by which a JASPI module asks the container to keep the login in the HTTP
     * session (Jakarta Authentication's servlet profile); WildFly's Elytron reads it after a successful
     * {@code validateRequest}, and the identity it keeps there is the request's principal on the session's
     * next requests.
     */
    static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";
    /** Request attribute: the scope of the API token this request was authenticated by ({@link TokenScopes}). */
    static final String TOKEN_SCOPE = "se.iop.tokenScope";
    /** Request attribute: seconds a throttled login must wait, for the login page to say. */
    public static final String WAIT_SECONDS = "se.iop.loginWaitSeconds";
    /** The page an e-mail's personal link opens, and where an expired one leads instead. */
    static final String LINK_PAGE = "/portal/packet.xhtml";
    public static final String LINK_EXPIRED_PAGE = LOGIN_PAGE + "?link=expired";
    /** The login page's parameter naming the page to show after logging in. */
    public static final String RETURN_TO = "returnTo";
    /** A request attribute set when a valid login found no room for one more session. */
    public static final String SESSIONS_FULL = "se.iop.sessionsFull";

    @Inject
    private Accounts accounts;

    @Inject
    private CallerCache callers;

    @Inject
    private PortalLinks links;

    @Inject
    private ProviderSignIn providerSignIn;

    @Inject
    private OpenIdConnect oidc;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Principal kept = request.getUserPrincipal();
        if (kept != null) {
            // Logged in earlier in this session: the container restored the identity it kept. Confirmed as it is
            // (SessionRevocation then checks that the account has not changed since).
            return resumed(context, kept);
        }
        String path = path(request);
        Optional<String> provider = ProviderSignIn.callback(request);
        if (provider.isPresent()) {
            return providerSignIn.finish(request, response, context, provider.get());
        }
        if (isApi(request)) {
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
            sendToLogin(request, response, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * The answer to a request whose session was just ended (its lifetime over, or its account changed):
     * 401 as a problem detail under /api, else the login page with this query, if any.
     */
    public static void sessionEnded(HttpServletRequest request, HttpServletResponse response, String query)
            throws IOException {
        if (isApi(request)) {
            setChallenges(response);
            Problem.write(response, 401, "Unauthorized", "The session has ended; log in again.");
        } else {
            sendToLogin(request, response, query);
        }
    }

    /** Redirects to the login page (with this query, if any), as a partial response for a Faces ajax request. */
    static void sendToLogin(HttpServletRequest request, HttpServletResponse response, String query) throws IOException {
        String login = request.getContextPath() + LOGIN_PAGE + (query == null ? "" : "?" + query);
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.sendRedirect(login);
            return;
        }
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + Markup.escape(login) + "\"/></partial-response>");
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up) || !IdentityProviders.localLogin()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        Authentication result = accounts.authenticate(up.getCaller(), up.getPassword().getValue(), request.getRemoteAddr());
        if (!result.valid()) {
            // No 401 error page here: the login form shows the failure itself (LoginView).
            if (result.outcome() == Authentication.Outcome.THROTTLED) {
                request.setAttribute(WAIT_SECONDS, result.waitSeconds());
            }
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
        SessionStamp.keep(request, result.username(), result.sessionStamp());
        return kept(context, context.notifyContainerAboutLogin(result.username(), result.roles()));
    }

    private static AuthenticationStatus resumed(HttpMessageContext context, Principal principal) {
        try {
            context.getHandler().handle(new Callback[]{new CallerPrincipalCallback(context.getClientSubject(), principal)});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("the container refused the identity it kept itself", e);
        }
        return AuthenticationStatus.SUCCESS;
    }

    /** A successful login by password is kept in the session: its later requests are {@link #resumed}. */
    static AuthenticationStatus kept(HttpMessageContext context, AuthenticationStatus status) {
        if (status == AuthenticationStatus.SUCCESS) {
            context.getMessageInfo().getMap().put(REGISTER_SESSION, Boolean.TRUE.toString());
        }
        return status;
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (!IdentityProviders.apiBasic()) {
                return challenge(response, context);
            }
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
            Authentication result;
            try {
                result = accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(),
                        request.getRemoteAddr());
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.in(e)) {
                    throw e;
                }
                // The accounts cannot be read: the same 503 as any API call while the database is away.
                return unavailable(response, e);
            }
            if (result.outcome() == Authentication.Outcome.THROTTLED) {
                return tooManyAttempts(response, result.waitSeconds());
            }
            if (!result.valid()) {
                return challenge(response, context);
            }
            // The session the container may keep for this login carries the stamp (SessionRevocation).
            request.setAttribute(SessionStamp.ATTRIBUTE, new SessionStamp(result.username(), result.sessionStamp()));
            return kept(context, context.notifyContainerAboutLogin(result.username(), result.roles()));
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context, header.substring(7).strip());
        }
        return context.isProtected() ? challenge(response, context) : context.doNothing();
    }

    /**
     * An API token: checked on every request ({@link CallerCache}), never kept in a session. A malformed, unknown, revoked or
     * expired token, or one of an inactive account, gets one and the same 401 (its problem detail is written
     * by {@link se.iop.web.UnauthorizedPage}); no throttle is needed, 256 random bits cannot be guessed.
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String secret) {
        if (!secret.startsWith(ApiToken.SECRET_PREFIX) && secret.chars().filter(c -> c == '.').count() == 2) {
            return accessToken(request, response, context, secret);
        }
        Optional<TokenCaller> caller;
        try {
            caller = callers.token(secret);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.in(e)) {
                throw e;
            }
            return unavailable(response, e);
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
            return context.responseUnauthorized();
        }
        request.setAttribute(TOKEN_SCOPE, caller.get().scope());
        return context.notifyContainerAboutLogin(caller.get().username(), caller.get().roles());
    }

    /**
     * A provider's access token (JWT) of a machine client: checked on every request like an API token (the
     * signature against the provider's keys, kept in memory; the account as {@link CallerCache} keeps it), never kept
     * in a session.
     * Any refusal is the same 401 as for an API token.
     */
    private AuthenticationStatus accessToken(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context, String jwt) {
        Optional<OpenIdConnect.Verified> verified = oidc.accessToken(jwt);
        Authentication result;
        try {
            result = verified.flatMap(v -> Optional.ofNullable(v.claims().getClaim(v.provider().subjectClaim()))
                            .filter(String.class::isInstance)
                            .map(subject -> callers.signIn(v.provider().id(), (String) subject, v.claims().getSubject())))
                    .orElse(null);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.in(e)) {
                throw e;
            }
            return unavailable(response, e);
        }
        if (result == null || !result.valid()) {
            response.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.notifyContainerAboutLogin(result.username(), result.roles());
    }

    /**
     * 503 with Retry-After; the container then makes the error dispatch of a 503 (web.xml), where
     * {@link se.iop.web.UnavailablePage} writes the API's problem detail. Writing the body here instead left
     * a committed response the container's clean-up failed on (logged at ERROR).
     */
    private static AuthenticationStatus unavailable(HttpServletResponse response, RuntimeException failure) {
        Response problem = ProblemMapper.unavailable(failure);
        response.setStatus(problem.getStatus());
        response.setHeader("Retry-After", problem.getHeaderString("Retry-After"));
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        setChallenges(response);
        return context.responseUnauthorized();
    }

    /** The schemes an API client may answer a 401 with. */
    private static void setChallenges(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.addHeader("WWW-Authenticate", "Bearer realm=\"IOP\"");
    }

    /**
     * 429 with Retry-After; the container then makes the error dispatch of a 429 (web.xml), where
     * {@link se.iop.web.ThrottledPage} writes the problem detail. A body written here would leave a
     * committed response the container's clean-up fails on.
     */
    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, long seconds) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        return AuthenticationStatus.SEND_CONTINUE;
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    /** Style sheets, scripts and images: served to anyone, and never worth a session check. */
    static boolean isResource(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    /** Where to go after logging in: the page named by {@code returnTo} if it is one of ours, or the start page. */
    public static String returnTo(HttpServletRequest request) {
        return request.getContextPath() + ReturnPath.orStart(request.getParameter(RETURN_TO));
    }
}
