package se.iop.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import se.iop.account.boundary.IdentityProviders;
import se.iop.account.boundary.InvitationPreview;
import se.iop.account.boundary.Invitations;
import se.iop.account.boundary.SignInHelp;
import se.iop.account.entity.Invitation;
import se.iop.account.entity.InvitationRefused;
import se.iop.web.Ui;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The page an invitation's e-mail link opens, without a login. A working link's secret is kept in a session made
 * for it (attribute {@value #SECRET}), and the page is shown again without it in the address (so it stays out
 * of the browser's history and any Referer): who invited the person, to which role and organisation, and a
 * sign-in button per identity provider ({@code /sso/<id>}); the first sign-in there reads the secret from the
 * session and accepts the invitation ({@link Invitations#accept}). A link that does not work gets a page saying
 * why and whom to ask, and no session. The sign-in sends a refused acceptance back here as
 * {@code ?refused=<reason>} ({@link #refusedPath}).
 */
@Named
@RequestScoped
public class InvitationPage {

    /** The session attribute holding the secret of the invitation being taken up, for the sign-in to accept. */
    public static final String SECRET = "iop.invitation";
    static final String PAGE = "/invitation.xhtml";

    @Inject
    private Invitations invitations;

    @Inject
    private Ui ui;

    private InvitationPreview preview;
    private Invitation.Refusal refusal;
    private boolean busy;

    /** The page (from the context root) that says why an invitation did not sign the person in. */
    public static String refusedPath(Invitation.Refusal reason) {
        return PAGE + "?refused=" + reason.name().toLowerCase(Locale.ROOT);
    }

    /** Run before the page renders (a view action of the GET). */
    public void open() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        // Names and an address of a person: kept by no cache.
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("token");
        if (token != null) {
            if (check(token)) {
                HttpSession session;
                try {
                    session = request.getSession(true);
                } catch (IllegalStateException full) {
                    // The server's cap on sessions is reached (max-active-sessions): try again later.
                    preview = null;
                    busy = true;
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader("Retry-After", "60");
                    return;
                }
                session.setAttribute(SECRET, token);
                external.redirect(external.getRequestContextPath() + PAGE);
                faces.responseComplete();
            }
            return;
        }
        String refused = request.getParameter("refused");
        if (refused != null) {
            refusal = Arrays.stream(Invitation.Refusal.values()).filter(r -> r.name().equalsIgnoreCase(refused))
                    .findFirst().orElse(Invitation.Refusal.UNKNOWN);
            forget(request);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SECRET) instanceof String kept) {
            if (!check(kept)) {
                session.removeAttribute(SECRET);
            }
            return;
        }
        refusal = Invitation.Refusal.UNKNOWN;
    }

    private boolean check(String secret) {
        try {
            preview = invitations.preview(secret);
            return true;
        } catch (InvitationRefused e) {
            refusal = e.reason();
            return false;
        }
    }

    private static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SECRET);
        }
    }

    /** The providers to sign in through, in the order configured. */
    public List<IdentityProviders.Provider> getProviders() {
        return IdentityProviders.all();
    }

    public String getSupportContact() {
        return SignInHelp.contact();
    }

    /** The roles invited to, in the reader's language: "Partner". */
    public String getRoles() {
        return preview == null ? "" : preview.roles().stream().map(r -> ui.text("account.role." + r))
                .collect(Collectors.joining(", "));
    }

    public InvitationPreview getPreview() {
        return preview;
    }

    public Invitation.Refusal getRefusal() {
        return refusal;
    }

    public boolean isBusy() {
        return busy;
    }
}
