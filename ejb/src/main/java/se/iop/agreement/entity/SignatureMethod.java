package se.iop.agreement.entity;

/** How a party's signature of its agreement is known. */
public enum SignatureMethod {
    /** Signed on paper: who signed for the party and when are recorded; the paper is kept by the municipality. */
    PAPER,
    /** The signed agreement uploaded as a PDF, kept with its SHA-256. */
    UPLOAD,
    /** In force before signing was recorded here (migration V32): signed, but neither who nor when is known. */
    BEFORE_SYSTEM
}
