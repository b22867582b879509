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
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordKind;
import se.iop.partner.entity.Organisation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's login. Partner and landlord users belong to exactly one organisation of the kind their role
 * names ({@link Role#organisationKind()}), which limits what they see; a landlord user may instead speak
 * for one private landlord (a {@link Landlord} of kind PERSON, who has no organisation).
 */
@Entity
@EntityListeners(CallerChanges.class)
@Table(name = "account")
@Audited
@NamedQuery(name = Account.FIND_BY_USERNAME, query = "select a from Account a where a.username = :username")
@NamedQuery(name = Account.LANDLORDS_SPOKEN_FOR, query = "select l.id from Landlord l, Account a"
        + " where a.username = :username and (l = a.landlord or l.organisation = a.organisation) order by l.id")
public class Account {

    public static final String FIND_BY_USERNAME = "Account.findByUsername";
    /**
     * The landlord records a user speaks for: the landlords of its organisation, or its own private landlord
     * record. The one rule of what a landlord user sees in the portal.
     */
    public static final String LANDLORDS_SPOKEN_FOR = "Account.landlordsSpokenFor";
    public static final int MIN_PASSWORD = 10;
    public static final int USERNAME_MAX = 100;

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

    // A private landlord's own record, for a landlord user who is that person; never with an organisation.
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "landlord_id")
    private Landlord landlord;

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
        this.username = checkedUsername(username);
        rename(displayName);
        setPassword(password);
    }

    /**
     * An account for a person invited by e-mail: no password at all (it signs in only through the identity
     * provider its invitation links; a local login fails for it as for a wrong password), the address as its
     * e-mail, and a username made from it by {@link #usernameFor}.
     */
    public static Account invited(String email, int attempt, String displayName) {
        Account a = new Account();
        a.username = checkedUsername(usernameFor(email, attempt));
        a.rename(displayName);
        a.changeEmail(email);
        a.passwordHash = PasswordHash.NONE;
        return a;
    }

    /**
     * The one rule for a username made from an e-mail address: the address in lower case, each run of signs a
     * username does not take made one {@code -}; on the {@code attempt}-th try (from 2, when the earlier ones
     * are taken) {@code -attempt} before the {@code @}: {@code anna.berg@nykoping.se}, {@code anna.berg-2@nykoping.se}.
     * At most 100 characters (a longer one loses the end of its domain).
     */
    public static String usernameFor(String email, int attempt) {
        String address = EmailAddress.optional("email", email);
        if (address == null) {
            throw new InvalidInput("email", "error.required");
        }
        String base = address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]+", "-");
        int at = base.lastIndexOf('@');
        String name = base.substring(0, at) + (attempt <= 1 ? "" : "-" + attempt) + base.substring(at);
        return name.length() <= USERNAME_MAX ? name : name.substring(0, USERNAME_MAX);
    }

    private static String checkedUsername(String username) {
        String name = Text.required("username", username, USERNAME_MAX).toLowerCase();
        if (!name.matches("[a-z0-9._@-]{3,100}")) {
            throw new InvalidInput("username", "error.account.username");
        }
        return name;
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

    /** Grants exactly these roles, bound to this organisation; see {@link #grant(Set, Organisation, Landlord)}. */
    public void grant(Set<Role> newRoles, Organisation newOrganisation) {
        grant(newRoles, newOrganisation, null);
    }

    /**
     * Grants exactly these roles, bound to this organisation or private landlord. A role that acts for an
     * organisation ({@link Role#needsOrganisation()}) stands alone and needs one of its kind (partner: a
     * non-profit, landlord: a housing company). A landlord user may instead speak for one private landlord
     * ({@link Role#mayBindPrivateLandlord()}: a landlord of kind PERSON), never for both; no other role has
     * one. The other roles work for the municipality and keep neither. A changed binding ends the account's
     * sessions, as changed roles do.
     */
    public void grant(Set<Role> newRoles, Organisation newOrganisation, Landlord newLandlord) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new InvalidInput("roles", "error.account.noRole");
        }
        Role external = newRoles.stream().filter(Role::needsOrganisation).findFirst().orElse(null);
        if (external != null && newRoles.size() > 1) {
            throw new InvalidInput("roles", "error.account.externalRoleAlone");
        }
        Landlord privateLandlord = external != null ? newLandlord : null;
        if (privateLandlord != null) {
            if (!external.mayBindPrivateLandlord()) {
                throw new InvalidInput("landlordId", "error.account.privateLandlordOnlyForLandlords");
            }
            if (newOrganisation != null) {
                throw new InvalidInput("landlordId", "error.account.organisationOrPrivateLandlord");
            }
            if (privateLandlord.kind() != LandlordKind.PERSON) {
                throw new InvalidInput("landlordId", "error.account.privateLandlordIsPerson");
            }
        } else if (external != null && (newOrganisation == null || newOrganisation.kind() != external.organisationKind())) {
            throw new InvalidInput("organisationId", external.organisationRefusal());
        }
        Organisation bound = external != null && privateLandlord == null ? newOrganisation : null;
        if (!roles.equals(newRoles) || !same(organisation, bound) || !same(landlord, privateLandlord)) {
            endSessions();
        }
        this.roles = EnumSet.copyOf(newRoles);
        this.organisation = bound;
        this.landlord = privateLandlord;
    }

    private static boolean same(Organisation one, Organisation other) {
        return one == other || one != null && other != null && one.id() != null && one.id().equals(other.id());
    }

    private static boolean same(Landlord one, Landlord other) {
        return one == other || one != null && other != null && one.id() != null && one.id().equals(other.id());
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
        s.put("landlord", landlord == null ? null : landlord.name());
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

    /** The private landlord this landlord user is, or null (a company's users belong to its organisation). */
    public Landlord landlord() {
        return landlord;
    }

    /** Whom the user acts for, as pages name it: the organisation, or the private landlord; null for neither. */
    public String actsFor() {
        return organisation != null ? organisation.name() : landlord != null ? landlord.name() : null;
    }

    public boolean active() {
        return active;
    }
}
