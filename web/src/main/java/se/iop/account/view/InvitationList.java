package se.iop.account.view;

import se.iop.landlord.boundary.Landlords;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.account.boundary.AccountData;
import se.iop.account.boundary.InvitationInfo;
import se.iop.account.boundary.Invitations;
import se.iop.account.entity.Role;
import se.iop.common.DomainException;
import se.iop.partner.boundary.Organisations;
import se.iop.web.Ui;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The invitations on the accounts page: administrators invite a person by e-mail (to a role and, for partners
 * and landlords, an organisation), send an invitation again and revoke it; auditors read the list.
 */
@Named
@ViewScoped
public class InvitationList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "inviteForm";

    @Inject
    private Invitations invitations;

    @Inject
    private Organisations organisations;

    @Inject
    private Landlords landlords;

    @Inject
    private Ui ui;

    private String email;
    private String displayName;
    private Role role;
    private Long organisationId;
    private Long landlordId;

    private transient List<InvitationInfo> rows;
    private transient List<SelectItem> organisationChoices;
    private transient List<SelectItem> landlordChoices;

    public List<InvitationInfo> getRows() {
        if (rows == null) {
            rows = invitations.list();
        }
        return rows;
    }

    public void start() {
        email = null;
        displayName = null;
        role = null;
        organisationId = null;
        landlordId = null;
    }

    public void invite() {
        try {
            InvitationInfo made = invitations.invite(new AccountData(null, displayName, email,
                    role == null ? Set.of() : Set.of(role), organisationId, landlordId));
            rows = null;
            ui.message(FacesMessage.SEVERITY_INFO, "invitation.sent", made.email());
        } catch (DomainException e) {
            ui.refused(e, FORM);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void resend(long id) {
        try {
            InvitationInfo sent = invitations.resend(id);
            rows = null;
            ui.message(FacesMessage.SEVERITY_INFO, "invitation.sentAgain", sent.email());
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public void revoke(long id) {
        try {
            invitations.revoke(id);
            rows = null;
            ui.message(FacesMessage.SEVERITY_INFO, "invitation.revoked");
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    /** The roles in the user's language, e.g. "Partner". */
    public String roles(InvitationInfo i) {
        return i.roles().stream().map(r -> ui.text("account.role." + r)).collect(Collectors.joining(", "));
    }

    public String text(String key, Object value) {
        return ui.text(key, value);
    }

    public List<SelectItem> getOrganisationChoices() {
        if (organisationChoices == null) {
            organisationChoices = OrganisationChoices.of(organisations, ui);
        }
        return organisationChoices;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
    }

    /** The private landlords an invited landlord user may speak for instead of an organisation. */
    public List<SelectItem> getLandlordChoices() {
        if (landlordChoices == null) {
            landlordChoices = OrganisationChoices.privateLandlords(landlords, ui);
        }
        return landlordChoices;
    }

    public Long getLandlordId() {
        return landlordId;
    }

    public void setLandlordId(Long landlordId) {
        this.landlordId = landlordId;
    }
}
