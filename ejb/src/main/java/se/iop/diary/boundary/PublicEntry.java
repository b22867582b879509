package se.iop.diary.boundary;

import se.iop.diary.entity.Direction;
import se.iop.diary.entity.DocumentKind;
import se.iop.diary.entity.RegistryEntry;

import java.time.LocalDate;

/**
 * A diary entry as anyone may read it, without a login: a secret entry keeps its number, dates, kind, direction
 * and the OSL provision, but not its description or counterpart; a private person is never named as counterpart
 * ({@code counterpartWithheld}). {@code requestFrom} says whom to ask for the document.
 */
public record PublicEntry(String number, DocumentKind kind, Direction direction, LocalDate date,
                          LocalDate registeredOn, String counterpart, boolean counterpartWithheld, String description,
                          boolean secret, String secrecyReference, String requestFrom) {

    static PublicEntry of(RegistryEntry e, String requestFrom) {
        return new PublicEntry(e.number(), e.documentKind(), e.direction(), e.documentDate(), e.registeredOn(),
                e.publicCounterpart(), e.counterpart() != null && e.publicCounterpart() == null,
                e.publicDescription(), e.secret(), e.secrecyReference(), requestFrom);
    }
}
