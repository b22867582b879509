package se.iop.agreement.entity;

/** The part an organisation plays in an agreement. */
public enum PartyRole {
    /** The municipality that funds and decides. */
    PUBLIC_PARTNER,
    /** The idea-based organisation that carries out the work. */
    NON_PROFIT_PARTNER,
    /** Takes part without being a principal party, e.g. a housing company. */
    ASSOCIATED
}
