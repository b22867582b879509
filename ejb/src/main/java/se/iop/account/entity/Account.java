package se.iop.account.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.account.boundary.CallerChanges;
import se.iop.common.EmailAddress;
import se.iop.common.InvalidInput;
import se.iop.common.Text;
import se.iop.partner.entity.Organisation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's login. Partner and landlord users belong to exactly one organisation of the kind their role
 * names ({@link Role#organisationKind()}), which limits what they see.
 */
@Entity
@EntityListeners(CallerChanges.class)
@Table(name = "account")
@Audited
@NamedQuery(name = Account.FIND_BY_USERNAME, query = "select a from Account a where a.username = :username")
public class Account {

    public static final String FIND_BY_USERNAME = "Account.findByUsername";
    public static final int MIN_PASSWORD = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    // The hash is not history worth keeping: an audit row says the password changed, not to what.
    @NotAudited
    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 200)
    private String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "password_changes", nullable = false)
    private int passwordChanges;

    // Which sessions are still good: every change that must log the person out moves it on.
    @NotAudited
    @Column(name = "session_stamp", nullable = false)
    private int sessionStamp;

    protected Account() {
    }

    public Account(String username, String displayName, char[] password) {
        String name = Text.required("username", username, 100).toLowerCase();
        if (!name.matches("[a-z0-9._@-]{3,100}")) {
            throw new InvalidInput("username", "error.account.username");
        }
        this.username = name;
        rename(displayName);
        setPassword(password);
    }

    public void rename(String newDisplayName) {
        this.displayName = Text.required("displayName", newDisplayName, 200);
    }

    public void changeEmail(String newEmail) {
        this.email = EmailAddress.optional("email", newEmail);
    }

    public void setPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new InvalidInput("password", "error.account.passwordTooShort", MIN_PASSWORD);
        }
        this.passwordHash = PasswordHash.of(password);
        this.passwordChanges++;
        endSessions();
    }

    /**
     * Whether this is the account's password and the account may log in. The hash is computed even
     * for an inactive account, so the time taken does not tell the two apart.
     */
    public boolean passwordMatches(char[] password) {
        return PasswordHash.matches(password, passwordHash) && active;
    }

    /**
     * Grants exactly these roles, bound to this organisation. A role that acts for an organisation
     * ({@link Role#needsOrganisation()}) stands alone and needs one of its kind (partner: a non-profit,
     * landlord: a housing company); the other roles work for the municipality and have none.
     */
    public void grant(Set<Role> newRoles, Organisation newOrganisation) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new InvalidInput("roles", "error.account.noRole");
        }
        Role external = newRoles.stream().filter(Role::needsOrganisation).findFirst().orElse(null);
        if (external != null && newRoles.size() > 1) {
            throw new InvalidInput("roles", "error.account.externalRoleAlone");
        }
        if (external != null && (newOrganisation == null || newOrganisation.kind() != external.organisationKind())) {
            throw new InvalidInput("organisationId", external.organisationRefusal());
        }
        Organisation bound = external != null ? newOrganisation : null;
        if (!roles.equals(newRoles) || !sameOrganisation(bound)) {
            endSessions();
        }
        this.roles = EnumSet.copyOf(newRoles);
        this.organisation = bound;
    }

    private boolean sameOrganisation(Organisation other) {
        return organisation == other
                || organisation != null && other != null && organisation.id() != null && organisation.id().equals(other.id());
    }

    public void deactivate() {
        if (active) {
            endSessions();
        }
        this.active = false;
    }

    /** Sessions opened before this call are over: their next request is treated as logged out. */
    public void endSessions() {
        sessionStamp++;
    }

    /** The stamp a session opened now carries; see {@link #endSessions()}. */
    public int sessionStamp() {
        return sessionStamp;
    }

    public void reactivate() {
        this.active = true;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", username);
        s.put("displayName", displayName);
        s.put("email", email);
        s.put("roles", new TreeSet<>(roles));
        s.put("organisation", organisation == null ? null : organisation.name());
        s.put("active", active);
        s.put("passwordChanges", passwordChanges);
        return s;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public Organisation organisation() {
        return organisation;
    }

    public boolean active() {
        return active;
    }
}
