package se.iop.landlord.boundary;

import se.iop.landlord.entity.PacketVersion;
import se.iop.landlord.entity.SectionText;
import se.iop.landlord.entity.SupportContact;
import se.iop.landlord.entity.VersionStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A packet version as it is read, printed and mailed: its text, the support contacts, and the date it
 * carries (the day it was published; for a draft, today). Detached from the database.
 */
public record PacketDocument(Long versionId, Long packetId, int number, VersionStatus status, String title,
                             String titleEn, LocalDate date, String agreementReference, String agreementTitle,
                             List<SectionText> sections, List<SupportContact> supportContacts) {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    public static PacketDocument of(PacketVersion v, List<SupportContact> contacts, LocalDate today) {
        LocalDate date = v.publishedAt() == null ? today : v.publishedAt().atZone(SWEDEN).toLocalDate();
        return new PacketDocument(v.id(), v.packet().id(), v.number(), v.status(), v.title(), v.titleEn(), date,
                v.packet().agreement().reference(), v.packet().agreement().title(), v.content(), List.copyOf(contacts));
    }

    public boolean published() {
        return status == VersionStatus.PUBLISHED;
    }

    public boolean hasEnglish() {
        return titleEn != null;
    }

    /** A file name for the PDF, e.g. {@code informationspaket-3-v2.pdf}. */
    public String fileName() {
        return "informationspaket-" + packetId + "-v" + number + ".pdf";
    }
}
