package se.iop.account.view;

import se.iop.account.boundary.AccountData;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** An account as the administrator types it; the version it was read at when editing. No password here. */
public class AccountForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long version;
    private String username;
    private String displayName;
    private String email;
    private Role[] roles = new Role[0];
    private Long organisationId;
    private Long landlordId;

    static AccountForm of(Account a) {
        AccountForm f = new AccountForm();
        f.version = a.version();
        f.username = a.username();
        f.displayName = a.displayName();
        f.email = a.email();
        f.roles = a.roles().toArray(Role[]::new);
        f.organisationId = a.organisation() == null ? null : a.organisation().id();
        f.landlordId = a.landlord() == null ? null : a.landlord().id();
        return f;
    }

    AccountData data() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            chosen.addAll(Arrays.asList(roles));
        }
        return new AccountData(username, displayName, email, chosen, organisationId, landlordId);
    }

    public Long getVersion() {
        return version;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
    }

    public Long getLandlordId() {
        return landlordId;
    }

    public void setLandlordId(Long landlordId) {
        this.landlordId = landlordId;
    }
}
