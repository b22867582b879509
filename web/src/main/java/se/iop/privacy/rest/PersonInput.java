package se.iop.privacy.rest;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.common.InvalidInput;
import se.iop.privacy.boundary.PersonQuery;
import se.iop.privacy.entity.SubjectKind;

/**
 * Whom a GDPR request is about: an {@code email} (every record that holds or held it), or a record by {@code kind}
 * and {@code id}, or both.
 */
public record PersonInput(@Size(max = 200) String email,
                          @Size(max = 30) @Schema(enumeration = {"CONTACT", "LANDLORD_CONTACT", "PRIVATE_LANDLORD", "ACCOUNT"}) String kind,
                          @Positive @Schema(minimum = "1", maximum = "9223372036854775807") Long id) {

    PersonQuery query() {
        return new PersonQuery(email, kind == null || kind.isBlank() ? null : subjectKind(), id);
    }

    /** Read here, not by the JSON reader, so a wrong kind is refused naming the field. */
    private SubjectKind subjectKind() {
        try {
            return SubjectKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "error.privacy.kindMissing");
        }
    }
}
