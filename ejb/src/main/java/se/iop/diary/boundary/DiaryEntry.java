package se.iop.diary.boundary;

import se.iop.diary.entity.Direction;
import se.iop.diary.entity.DocumentKind;
import se.iop.diary.entity.RegistryEntry;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A diary entry as the municipality's own staff read it (administrators, auditors): everything, marking too. */
public record DiaryEntry(long id, long version, String number, DocumentKind kind, long documentId,
                         Direction direction, LocalDate date, LocalDate registeredOn, Instant registeredAt,
                         String registeredBy, String counterpart, boolean counterpartPrivate, String description,
                         boolean secret, String secrecyReference, String secrecyReason)
        implements Serializable {

    public static DiaryEntry of(RegistryEntry e) {
        return new DiaryEntry(e.id(), e.version(), e.number(), e.documentKind(), e.documentId(), e.direction(),
                e.documentDate(), e.registeredOn(), e.registeredAt(), e.registeredBy(), e.counterpart(),
                e.counterpartPrivate(), e.description(), e.secret(), e.secrecyReference(), e.secrecyReason());
    }
}
