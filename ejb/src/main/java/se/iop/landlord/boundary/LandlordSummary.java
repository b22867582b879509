package se.iop.landlord.boundary;

import se.iop.landlord.entity.LandlordKind;

/** One row of the landlord register, counted by the database. */
public record LandlordSummary(Long id, LandlordKind kind, String name, String organisationNumber, String address,
                              boolean active, long contacts, long addressees, long flats) {

    /** Whether a packet can be e-mailed to this landlord. */
    public boolean reachable() {
        return addressees > 0;
    }
}
