package se.iop.account.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.account.boundary.Accounts;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.common.StaleVersion;
import se.iop.landlord.boundary.Landlords;
import se.iop.partner.boundary.Organisations;
import se.iop.web.Ids;
import se.iop.web.Ui;

import java.io.Serializable;
import java.util.List;

/**
 * Creating an account (with its first password), or editing the name, e-mail, roles and organisation (or,
 * for a landlord user, private landlord) of the one named by the id parameter. Which roles go with which organisation is the account's rule;
 * a refusal names the field and keeps what was typed, except passwords, which are never shown again.
 */
@Named
@ViewScoped
public class AccountEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "account";

    @Inject
    private Accounts accounts;

    @Inject
    private Organisations organisations;

    @Inject
    private Landlords landlords;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found = true;
    private AccountForm form = new AccountForm();
    private String password;
    private String passwordRepeat;

    private transient List<SelectItem> organisationChoices;
    private transient List<SelectItem> landlordChoices;

    @PostConstruct
    void load() {
        id = Ids.parse(idParam);
        if (idParam != null && !idParam.isBlank()) {
            try {
                form = AccountForm.of(accounts.find(id == null ? -1 : id));
            } catch (NotFound e) {
                found = false;
                FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            }
        }
    }

    public String save() {
        String typed = password;
        String repeated = passwordRepeat;
        password = null;
        passwordRepeat = null;
        try {
            Account a;
            if (isEditing()) {
                a = accounts.update(id, form.getVersion(), form.data());
            } else {
                if (!Passwords.confirmed(ui, FORM, typed, repeated)) {
                    return null;
                }
                a = accounts.create(form.data(), Passwords.chars(typed));
            }
            ui.message(FacesMessage.SEVERITY_INFO, isEditing() ? "account.saved" : "account.created");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/accounts/view?faces-redirect=true&id=" + a.id();
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "account.stale");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            ui.refused(e, FORM);
        }
        return null;
    }

    /** The organisations partner and landlord users belong to ({@link OrganisationChoices}). */
    public List<SelectItem> getOrganisationChoices() {
        if (organisationChoices == null) {
            organisationChoices = OrganisationChoices.of(organisations, ui);
        }
        return organisationChoices;
    }

    /** The private landlords a landlord user can speak for; deactivated ones too (and say so), as organisations. */
    public List<SelectItem> getLandlordChoices() {
        if (landlordChoices == null) {
            landlordChoices = OrganisationChoices.privateLandlords(landlords, ui);
        }
        return landlordChoices;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public boolean isEditing() {
        return id != null;
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public AccountForm getForm() {
        return form;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeat() {
        return passwordRepeat;
    }

    public void setPasswordRepeat(String passwordRepeat) {
        this.passwordRepeat = passwordRepeat;
    }
}
