package se.iop.privacy.boundary;

import se.iop.privacy.entity.RequestKind;

import java.time.Instant;

/** One GDPR request as the auditor sees it: no personal data of the person asked about. */
public record RequestInfo(long id, RequestKind kind, String foundBy, String subjects, String outcome,
                          String requestedBy, Instant requestedAt) {
}
