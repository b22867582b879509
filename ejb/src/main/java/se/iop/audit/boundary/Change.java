package se.iop.audit.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One audited change to one thing: when, by whom, what kind (created, changed, removed), and each
 * field's value before and after.
 */
public record Change(long revision, Instant at, String username, String subject, String subjectName,
                     Kind kind, List<FieldChange> fields) {

    public enum Kind { CREATED, CHANGED, REMOVED }

    public record FieldChange(String field, String before, String after) {
    }
}
