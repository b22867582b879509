package se.iop.account.entity;

import se.iop.common.InvalidInput;
import se.iop.partner.entity.OrganisationKind;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a user may do. The names are the security roles of the application. Which roles act for an
 * organisation, and of which kind, is said here once: the account, the caller's scope, the account form
 * and a change of an organisation's kind all ask this.
 */
public enum Role {
    /** Committee administrator at the municipality: registers and changes everything. */
    ADMIN(null, null),
    /** Finance staff: allocations, payments, costs. */
    FINANCE(null, null),
    /** A user at a non-profit partner, bound to its organisation. */
    PARTNER(OrganisationKind.NON_PROFIT, "error.account.partnerNeedsNonProfit"),
    /**
     * A user at a landlord, bound to its organisation (the housing company of its landlord record), or a
     * private landlord bound to its own landlord record.
     */
    LANDLORD(OrganisationKind.HOUSING_COMPANY, "error.account.landlordNeedsHousingCompany"),
    /** Auditor or committee member: reads everything, changes nothing. */
    AUDITOR(null, null);

    private final OrganisationKind organisationKind;
    private final String refusal;

    Role(OrganisationKind organisationKind, String refusal) {
        this.organisationKind = organisationKind;
        this.refusal = refusal;
    }

    /** Whether a user in this role acts for one organisation, sees only its own, and holds no other role. */
    public boolean needsOrganisation() {
        return organisationKind != null;
    }

    /** The kind of organisation a user in this role must belong to; null for the municipality's own roles. */
    public OrganisationKind organisationKind() {
        return organisationKind;
    }

    /**
     * Whether a user in this role may speak for a private landlord (a landlord record of kind PERSON, who has no
     * organisation) instead of an organisation: landlord users only.
     */
    public boolean mayBindPrivateLandlord() {
        return this == LANDLORD;
    }

    /** The message key when the organisation given does not fit this role. */
    public String organisationRefusal() {
        return refusal;
    }

    /** The role a client named, or a refusal naming {@code field}: required, and one of the roles' names. */
    public static Role named(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "error.required");
        }
        return Arrays.stream(values()).filter(r -> r.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInput(field, "error.account.role"));
    }

    /** The kinds of organisation users can belong to, in the order of the roles. */
    public static List<OrganisationKind> organisationKinds() {
        return Arrays.stream(values()).map(Role::organisationKind).filter(Objects::nonNull).distinct().toList();
    }

    /** The roles whose users must belong to an organisation of another kind than this one. */
    public static List<Role> notFor(OrganisationKind kind) {
        return Arrays.stream(values()).filter(r -> r.needsOrganisation() && r.organisationKind != kind).toList();
    }
}
