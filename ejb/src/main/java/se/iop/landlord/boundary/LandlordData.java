package se.iop.landlord.boundary;

import se.iop.landlord.entity.LandlordKind;

/**
 * What an administrator enters about a landlord. A company is either an organisation already in the
 * register ({@code organisationId}) or a new housing company ({@code name} and {@code organisationNumber});
 * a person has a name. A first contact may come along, so that one request makes a reachable landlord.
 */
public record LandlordData(LandlordKind kind, Long organisationId, String name, String organisationNumber,
                           String address, ContactData contact) {
}
