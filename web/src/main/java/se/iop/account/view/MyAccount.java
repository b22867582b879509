package se.iop.account.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.iop.account.boundary.Accounts;
import se.iop.account.entity.Account;
import se.iop.account.security.SessionStamp;
import se.iop.common.DomainException;
import se.iop.web.Ui;

import java.io.Serializable;
import java.util.stream.Collectors;

/** The logged-in user's own account: what it is, and changing its password (knowing the current one). */
@Named
@ViewScoped
public class MyAccount implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "changePassword";

    @Inject
    private Accounts accounts;

    @Inject
    private Ui ui;

    private String currentPassword;
    private String password;
    private String passwordRepeat;

    private transient Account account;

    public Account getAccount() {
        if (account == null) {
            account = accounts.me();
        }
        return account;
    }

    public String getRoles() {
        return getAccount().roles().stream().sorted().map(r -> ui.text("account.role." + r))
                .collect(Collectors.joining(", "));
    }

    public void changePassword() {
        String current = currentPassword;
        String typed = password;
        String repeated = passwordRepeat;
        currentPassword = null;
        password = null;
        passwordRepeat = null;
        if (!Passwords.confirmed(ui, FORM, typed, repeated)) {
            return;
        }
        try {
            int stamp = accounts.changeOwnPassword(Passwords.chars(current), Passwords.chars(typed));
            // The other sessions of this account end; this one goes on.
            SessionStamp.renew((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(), stamp);
            ui.message(FacesMessage.SEVERITY_INFO, "account.me.passwordChanged");
        } catch (DomainException e) {
            ui.refused(e, FORM);
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
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
