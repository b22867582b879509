package se.iop.privacy.boundary;

import se.iop.privacy.entity.SubjectKind;

/**
 * Whom a GDPR request is about: an e-mail address (every record that holds it, now or in its history), a
 * record by kind and id, or both.
 */
public record PersonQuery(String email, SubjectKind kind, Long id) {
}
