package se.iop.partner.boundary;

import se.iop.partner.entity.OrganisationKind;

/** What a user enters about an organisation. */
public record OrganisationData(String name, String organisationNumber, OrganisationKind kind,
                               String address, String email, String phone) {
}
