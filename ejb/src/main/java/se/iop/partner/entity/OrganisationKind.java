package se.iop.partner.entity;

/** What sort of party an organisation is in an IOP. */
public enum OrganisationKind {
    /** A municipality (kommun) or region: the public side, with committees. */
    MUNICIPALITY,
    /** A non-profit, idea-based organisation (idéburen organisation). */
    NON_PROFIT,
    /** A housing company or other landlord (fastighetsägare). */
    HOUSING_COMPANY;

    public boolean isPublic() {
        return this == MUNICIPALITY;
    }
}
