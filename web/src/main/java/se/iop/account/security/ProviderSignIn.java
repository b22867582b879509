package se.iop.account.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.account.boundary.Accounts;
import se.iop.account.boundary.Authentication;
import se.iop.account.boundary.IdentityProviders;
import se.iop.account.boundary.IdentityProviders.Provider;
import se.iop.account.boundary.Invitations;
import se.iop.account.entity.InvitationRefused;
import se.iop.account.view.InvitationPage;
import se.iop.common.Settings;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-in through an OpenID Connect provider, the part the login mechanism runs: the provider's answer at
 * {@code /sso/<id>/callback}. The start ({@code /sso/<id>}) and the back-channel logout need no login and are
 * served by {@link SignInServlet}. The account is the one linked to the person's subject at that provider, or,
 * coming from an invitation's page, the invited account, which this first sign-in links; anyone else gets a
 * page saying whom to ask, and nothing is created.
 */
@ApplicationScoped
public class ProviderSignIn {

    private static final Logger LOG = Logger.getLogger(ProviderSignIn.class.getName());
    static final Pattern CALLBACK = Pattern.compile("/sso/([a-z][a-z0-9-]{0,39})/callback");
    /** Request attribute: the page to show after a sign-in, for {@link SignInServlet} to redirect to. */
    static final String AFTER = "se.iop.afterSignIn";
    /** Session attribute: the provider this session signed in through, for logout there too. */
    public static final String THROUGH = "se.iop.signedInThrough";
    public static final String UNKNOWN_PAGE = "/unknown-person.xhtml";

    /** The provider a session signed in through. No token is kept: an e-ID broker's may hold a personal identity number. */
    public record Through(String provider) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Inject
    private OpenIdConnect oidc;

    @Inject
    private Accounts accounts;

    @Inject
    private Invitations invitations;

    /** The provider id when this request is a provider's answer to a sign-in. */
    static Optional<String> callback(HttpServletRequest request) {
        Matcher m = CALLBACK.matcher(LoginMechanism.path(request));
        return m.matches() && "GET".equals(request.getMethod()) ? Optional.of(m.group(1)) : Optional.empty();
    }

    AuthenticationStatus finish(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                String providerId) {
        Optional<Provider> provider = IdentityProviders.find(providerId);
        if (provider.isEmpty()) {
            return context.doNothing(); // no such provider: the servlet answers 404
        }
        Provider p = provider.get();
        Optional<SignInState> state = SignInState.read(cookie(request), Instant.now());
        forget(request, response);
        if (state.isEmpty() || !state.get().answers(p.id(), request.getParameter("state"))) {
            // too late, a second use, or not started here: start again
            return toLogin(request, context, "signin=failed");
        }
        String code = request.getParameter("code");
        if (request.getParameter("error") != null || code == null) {
            return toLogin(request, context, "signin=failed"); // e.g. cancelled at the provider
        }
        OpenIdConnect.SignedIn signedIn;
        try {
            signedIn = oidc.signIn(p, code, state.get());
        } catch (OpenIdConnect.Unreachable e) {
            LOG.warning(e::getMessage);
            return toLogin(request, context, "signin=unreachable");
        } catch (OpenIdConnect.Refused e) {
            LOG.info(e::getMessage);
            return toLogin(request, context, "signin=failed");
        }
        Optional<String> subject = claim(signedIn, p.subjectClaim());
        if (subject.isEmpty()) {
            LOG.warning(() -> "Provider '" + p.id() + "' sent no claim " + p.subjectClaim() + " to link accounts by");
            return toLogin(request, context, "signin=failed");
        }
        String sub = signedIn.claims().getSubject();
        java.util.List<String> groups = p.groupsClaim().map(name -> groups(signedIn.claims().getClaim(name))).orElse(null);
        Authentication result = accounts.signIn(p.id(), subject.get(), sub, groups);
        if (!result.valid()) {
            Optional<String> invitation = invitation(request);
            if (invitation.isEmpty()) {
                return context.redirect(request.getContextPath() + UNKNOWN_PAGE);
            }
            // the first sign-in through an invitation's link: it links this person to the invited account, once
            try {
                invitations.accept(invitation.get(), p.id(), subject.get());
            } catch (InvitationRefused e) {
                return context.redirect(request.getContextPath() + InvitationPage.refusedPath(e.reason()));
            } finally {
                request.getSession().removeAttribute(InvitationPage.SECRET);
            }
            LOG.info(() -> "Invitation accepted through '" + p.id() + "'");
            result = accounts.signIn(p.id(), subject.get(), sub, groups); // as every later sign-in: notes sub, maps groups
            if (!result.valid()) {
                return context.redirect(request.getContextPath() + UNKNOWN_PAGE);
            }
        }
        try {
            request.getSession(true);
        } catch (IllegalStateException e) {
            return toLogin(request, context, "signin=busy");
        }
        request.changeSessionId();
        SessionStamp.keep(request, result.username(), result.sessionStamp());
        request.getSession().setAttribute(THROUGH, new Through(p.id()));
        request.setAttribute(AFTER, request.getContextPath() + se.iop.web.ReturnPath.orStart(state.get().returnTo()));
        String username = result.username();
        LOG.info(() -> "Signed in through '" + p.id() + "': account '" + username + "'");
        return LoginMechanism.kept(context, context.notifyContainerAboutLogin(username, result.roles()));
    }

    /** A groups claim: a list of names (or one name); anything else counts as not sent. */
    private static java.util.List<String> groups(Object claim) {
        if (claim instanceof java.util.Collection<?> c) {
            return c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String one ? java.util.List.of(one) : null;
    }

    /** The secret of the invitation whose page this browser came from, kept in its session by {@link InvitationPage}. */
    private static Optional<String> invitation(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(InvitationPage.SECRET) instanceof String secret
                ? Optional.of(secret) : Optional.empty();
    }

    private static Optional<String> claim(OpenIdConnect.SignedIn signedIn, String name) {
        Object value = signedIn.claims().getClaim(name);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static AuthenticationStatus toLogin(HttpServletRequest request, HttpMessageContext context, String query) {
        return context.redirect(request.getContextPath() + LoginMechanism.LOGIN_PAGE + "?" + query);
    }

    static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (SignInState.COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /** Sets the sign-in state cookie (its value, or an expired one to remove it); only the /sso paths see it. */
    static void setCookie(HttpServletRequest request, HttpServletResponse response, String value) {
        Cookie c = new Cookie(SignInState.COOKIE, value == null ? "" : value);
        c.setPath(request.getContextPath() + "/sso/");
        c.setHttpOnly(true);
        c.setSecure(Settings.servedOverTls());
        c.setMaxAge(value == null ? 0 : (int) SignInState.LIFETIME.toSeconds());
        // Lax: the provider sends the browser back by a top-level GET from its own site
        c.setAttribute("SameSite", "Lax");
        response.addCookie(c);
    }

    private static void forget(HttpServletRequest request, HttpServletResponse response) {
        if (cookie(request) != null) {
            setCookie(request, response, null);
        }
    }

    public static URI loggedOutPage() {
        return Settings.publicUrl().resolve("login.xhtml?loggedOut=true");
    }
}
