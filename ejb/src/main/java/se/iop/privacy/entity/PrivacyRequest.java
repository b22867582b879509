package se.iop.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One GDPR request carried out: who asked, when, for what, which records (by kind and id) and what was done,
 * as counts per table. It never holds the person's name, e-mail or anything else asked about, so the record
 * of an erasure does not bring back what was erased. Written once, never changed.
 */
@Entity
@Table(name = "gdpr_request")
public class PrivacyRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RequestKind kind;

    @Column(name = "found_by", nullable = false, length = 20)
    private String foundBy;

    @Column(nullable = false, length = 2000)
    private String subjects;

    @Column(nullable = false, length = 4000)
    private String outcome;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected PrivacyRequest() {
    }

    public PrivacyRequest(RequestKind kind, String foundBy, String subjects, String outcome, String requestedBy, Instant at) {
        this.kind = Objects.requireNonNull(kind);
        this.foundBy = Objects.requireNonNull(foundBy);
        this.subjects = Objects.requireNonNull(subjects);
        this.outcome = outcome.length() > 4000 ? outcome.substring(0, 3999) + "…" : outcome;
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = Objects.requireNonNull(at);
    }

    public Long id() {
        return id;
    }
}
