package se.iop.landlord.entity;

/** A packet version is written as a draft, then published once; a published version never changes. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED
}
