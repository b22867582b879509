package se.iop.diary.control;

import se.iop.diary.entity.Direction;
import se.iop.diary.entity.DocumentKind;

import java.time.LocalDate;

/**
 * What the diary needs to register one document: its kind and id, direction, the committee whose series it goes
 * in (null: the default series), counterpart (and whether that is a private person, never shown publicly), a
 * short description and the date it was received or drawn up. The factories say once, for the live
 * registrations and the migration alike, how each kind of document is described.
 */
public record Registration(DocumentKind kind, long documentId, Direction direction, String committee,
                           String counterpart, boolean counterpartPrivate, String description, LocalDate date) {

    public static Registration agreement(long id, String reference, String title, LocalDate drawnUp) {
        return new Registration(DocumentKind.AGREEMENT, id, Direction.DRAWN_UP, null, null, false,
                "IOP-avtal: " + title + " (" + reference + ")", drawnUp);
    }

    public static Registration decision(long id, String committee, LocalDate meeting, String paragraph,
                                        String agreementTitle) {
        return new Registration(DocumentKind.COMMITTEE_DECISION, id, Direction.DRAWN_UP, committee, committee, false,
                "Beslut i " + committee + " " + meeting + (paragraph == null ? "" : " " + paragraph)
                        + " om IOP-avtal: " + agreementTitle, meeting);
    }

    /** {@code party}: the organisation joining or leaving by the amendment, if any. */
    public static Registration amendment(long id, String decisionCommittee, LocalDate effective, String party,
                                         String agreementTitle, String text, LocalDate drawnUp) {
        return new Registration(DocumentKind.AMENDMENT, id, Direction.DRAWN_UP, decisionCommittee, party, false,
                "Ändring från " + effective + " av IOP-avtal " + agreementTitle + (text == null ? "" : ": " + text),
                drawnUp);
    }

    public static Registration report(long id, String partner, String period, String agreementTitle,
                                      LocalDate submitted) {
        return new Registration(DocumentKind.ACTIVITY_REPORT, id, Direction.INCOMING, null, partner, false,
                "Verksamhetsrapport " + period + ", IOP-avtal: " + agreementTitle, submitted);
    }

    public static Registration fidelity(long id, String partner, int year, String agreementTitle,
                                        LocalDate submitted) {
        return new Registration(DocumentKind.FIDELITY_ASSESSMENT, id, Direction.INCOMING, null, partner, false,
                "Självskattning av programtrohet " + year + ", IOP-avtal: " + agreementTitle, submitted);
    }

    public static Registration fidelityAttachment(long id, String partner, String filename, int year,
                                                  LocalDate submitted) {
        return new Registration(DocumentKind.FIDELITY_ATTACHMENT, id, Direction.INCOMING, null, partner, false,
                "Bilaga " + filename + " till självskattning av programtrohet " + year, submitted);
    }

    public static Registration attachment(long id, String partner, String filename, String period,
                                          LocalDate submitted) {
        return new Registration(DocumentKind.REPORT_ATTACHMENT, id, Direction.INCOMING, null, partner, false,
                "Bilaga " + filename + " till verksamhetsrapport " + period, submitted);
    }

    /** The landlord's own words are not in the description: they may speak of a tenant. */
    public static Registration contactNeed(long id, String landlord, boolean privatePerson, LocalDate reported) {
        return new Registration(DocumentKind.CONTACT_NEED, id, Direction.INCOMING, null, landlord, privatePerson,
                "Begäran om kontakt från hyresvärd", reported);
    }

    public static Registration packetVersion(long id, String title, int number, LocalDate sent) {
        return new Registration(DocumentKind.PACKET_VERSION, id, Direction.OUTGOING, null, "Hyresvärdar", false,
                "Informationspaket till hyresvärdar: " + title + ", version " + number, sent);
    }

    /**
     * An ended agreement's archive package, sent to the municipality's archive: its document is the agreement's
     * package, so one entry per agreement (a package made again later keeps the first one's entry).
     */
    public static Registration archivePackage(long agreementId, String reference, String title, String archive,
                                              LocalDate sent) {
        return new Registration(DocumentKind.ARCHIVE_PACKAGE, agreementId, Direction.OUTGOING, null, archive, false,
                "Arkivpaket (FGS/E-ARK) av avslutat IOP-avtal: " + title + " (" + reference + ")", sent);
    }

    /** A party's signed copy of an agreement, uploaded: received from that party. */
    public static Registration signedAgreement(long signatureId, String party, String filename, String agreementTitle,
                                               String reference, LocalDate received) {
        return new Registration(DocumentKind.SIGNED_AGREEMENT, signatureId, Direction.INCOMING, null, party, false,
                "Underskrivet IOP-avtal " + agreementTitle + " (" + reference + ") från " + party + ": " + filename,
                received);
    }
}
