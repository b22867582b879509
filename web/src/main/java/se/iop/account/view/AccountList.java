package se.iop.account.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.account.boundary.Accounts;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The accounts, for administrators to manage and auditors to read; a municipality has tens, not thousands. */
@Named
@ViewScoped
public class AccountList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private Accounts accounts;

    @Inject
    private Ui ui;

    private String text;
    private Role role;
    private boolean includeInactive;

    // Entities are read again after a session is restored rather than stored in it.
    private transient List<Account> rows;

    public void search() {
        rows = null;
    }

    public List<Account> getRows() {
        if (rows == null) {
            String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            rows = accounts.list().stream()
                    .filter(a -> includeInactive || a.active())
                    .filter(a -> role == null || a.has(role))
                    .filter(a -> wanted.isEmpty() || a.username().contains(wanted)
                            || a.displayName().toLowerCase(Locale.ROOT).contains(wanted))
                    .toList();
        }
        return rows;
    }

    public String getSummary() {
        return ui.text("account.list.count", getRows().size());
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isIncludeInactive() {
        return includeInactive;
    }

    public void setIncludeInactive(boolean includeInactive) {
        this.includeInactive = includeInactive;
    }
}
