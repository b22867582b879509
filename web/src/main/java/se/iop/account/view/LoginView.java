package se.iop.account.view;

import jakarta.servlet.http.HttpSession;
import se.iop.account.boundary.IdentityProviders;
import se.iop.account.security.ProviderSignIn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.iop.account.security.LoginMechanism;
import se.iop.web.ReturnPath;
import se.iop.web.Ui;

import java.io.IOException;

/** The login form: hands the typed credentials to the authentication mechanism. */
@Named
@RequestScoped
public class LoginView {


    @Inject
    private SecurityContext security;

    @Inject
    private Ui ui;

    private String username;
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // The form keeps no state on the server, so it carries no secret: a login posted from another site
        // (which would log the visitor into someone else's account) is refused by what the browser says.
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            password = null;
            ui.message(FacesMessage.SEVERITY_ERROR, "login.failed");
            return;
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                new Password(password == null ? "" : password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(LoginMechanism.returnTo(request));
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_FAILURE
                && request.getAttribute(LoginMechanism.WAIT_SECONDS) instanceof Long seconds) {
            ui.message(FacesMessage.SEVERITY_ERROR, "login.throttled", seconds);
        } else if (request.getAttribute(LoginMechanism.SESSIONS_FULL) != null) {
            ((HttpServletResponse) external.getResponse()).setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            external.setResponseHeader("Retry-After", "60");
            ui.message(FacesMessage.SEVERITY_ERROR, "login.busy");
        } else if (status == AuthenticationStatus.SEND_FAILURE) {
            ui.message(FacesMessage.SEVERITY_ERROR, "login.failed");
        } else {
            faces.responseComplete();
        }
    }

    /**
     * Ends the session here and, for a session signed in through a provider, leads on to
     * {@code /sso/<id>/logout}, which ends the person's session at the provider too (RP-initiated logout). Not a
     * redirect straight to the provider: the CSP's {@code form-action 'self'} stops a form post redirected to another site.
     */
    public void logout() throws Exception {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        Optional<String> through = session != null && session.getAttribute(ProviderSignIn.THROUGH) instanceof ProviderSignIn.Through t
                ? Optional.of(t.provider()) : Optional.empty();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath()
                + through.map(id -> "/sso/" + id + "/logout").orElse("/login.xhtml?loggedOut=true"));
    }

    /** The providers to sign in through, as buttons above the password form. */
    public List<IdentityProviders.Provider> getProviders() {
        return IdentityProviders.all();
    }

    /** Whether the password form is offered ({@code IOP_LOCAL_LOGIN}). */
    public boolean isLocalLogin() {
        return IdentityProviders.localLogin();
    }

    public String getReturnToEncoded() {
        return URLEncoder.encode(getReturnTo(), StandardCharsets.UTF_8);
    }

    /**
     * The page to show after logging in, as the login page got it (a hidden field of its form), if it
     * is one a visitor may be sent to; empty otherwise, so nothing else is ever written into the page.
     */
    public String getReturnTo() {
        String asked = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get(LoginMechanism.RETURN_TO);
        return ReturnPath.of(asked).orElse("");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
