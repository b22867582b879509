package se.iop.privacy.entity;

/** What a GDPR request asked for: an extract of the data held (article 15) or its erasure (article 17). */
public enum RequestKind {
    EXTRACT,
    ERASURE
}
