package se.iop.landlord.rest;

import se.iop.landlord.boundary.DeliveryOverview;
import se.iop.landlord.boundary.PacketDocument;
import se.iop.landlord.boundary.PortalPacket;
import se.iop.landlord.boundary.SendProgress;
import se.iop.landlord.boundary.SendReceipt;
import se.iop.landlord.entity.ContactNeed;
import se.iop.landlord.entity.ContactNote;
import se.iop.landlord.entity.DeliveryChannel;
import se.iop.landlord.entity.DeliveryFailure;
import se.iop.landlord.entity.DeliveryStatus;
import se.iop.landlord.entity.FlatStage;
import se.iop.landlord.entity.InformationPacket;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordContact;
import se.iop.landlord.entity.LandlordKind;
import se.iop.landlord.entity.NeedCategory;
import se.iop.landlord.entity.OfferedFlat;
import se.iop.landlord.entity.PacketDelivery;
import se.iop.landlord.entity.PacketVersion;
import se.iop.landlord.entity.SectionText;
import se.iop.landlord.entity.SupportContact;
import se.iop.landlord.entity.VersionStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Landlords, packets and deliveries as the API shows them. */
public final class LandlordJson {

    private LandlordJson() {
    }

    public record LandlordOut(Long id, long version, LandlordKind kind, String name, Long organisationId,
                              String organisationNumber, String address, boolean active, List<ContactOut> contacts,
                              List<FlatOut> flats) {
        static LandlordOut of(Landlord l) {
            return new LandlordOut(l.id(), l.version(), l.kind(), l.name(),
                    l.organisation() == null ? null : l.organisation().id(), l.organisationNumber(), l.address(),
                    l.active(), l.contacts().stream().map(ContactOut::of).toList(),
                    l.flats().stream().map(FlatOut::of).toList());
        }
    }

    public record ContactOut(Long id, long version, String name, String role, String email, String phone,
                             List<NoteOut> notes) {
        static ContactOut of(LandlordContact c) {
            return new ContactOut(c.id(), c.version(), c.name(), c.role(), c.email(), c.phone(),
                    c.notes().stream().map(NoteOut::of).toList());
        }
    }

    public record NoteOut(Long id, Instant writtenAt, String writtenBy, String text) {
        static NoteOut of(ContactNote n) {
            return new NoteOut(n.id(), n.writtenAt(), n.writtenBy(), n.text());
        }
    }

    public record FlatOut(Long id, long version, String address, BigDecimal areaSqm, int rooms, LocalDate availableFrom,
                          FlatStage stage, LocalDate stageOn) {
        static FlatOut of(OfferedFlat f) {
            return new FlatOut(f.id(), f.version(), f.address(), f.areaSqm(), f.rooms(), f.availableFrom(), f.stage(),
                    f.stageOn());
        }
    }

    public record VersionBrief(int number, VersionStatus status, String title, Instant publishedAt) {
        static VersionBrief of(PacketVersion v) {
            return new VersionBrief(v.number(), v.status(), v.title(), v.publishedAt());
        }
    }

    public record PacketOut(Long id, long version, Long agreementId, String agreementTitle, Instant createdAt,
                            List<VersionBrief> versions) {
        static PacketOut of(InformationPacket p) {
            return new PacketOut(p.id(), p.version(), p.agreement().id(), p.agreement().title(), p.createdAt(),
                    p.versions().stream().map(VersionBrief::of).toList());
        }
    }

    public record VersionOut(Long id, long version, Long packetId, int number, VersionStatus status, String title,
                             String titleEn, LocalDate date, Instant publishedAt, String publishedBy,
                             String agreementReference, String agreementTitle, List<SectionText> sections,
                             List<ContactLine> supportContacts) {
        static VersionOut of(PacketVersion v, PacketDocument d) {
            return new VersionOut(v.id(), v.version(), d.packetId(), v.number(), v.status(), v.title(), v.titleEn(),
                    d.date(), v.publishedAt(), v.publishedBy(), d.agreementReference(), d.agreementTitle(), d.sections(),
                    d.supportContacts().stream().map(ContactLine::of).toList());
        }
    }

    /** A packet version as a landlord reads it. */
    public record DocumentOut(Long versionId, int number, String title, String titleEn, LocalDate date,
                              String agreementTitle, List<SectionText> sections, List<ContactLine> supportContacts) {
        static DocumentOut of(PacketDocument d) {
            return new DocumentOut(d.versionId(), d.number(), d.title(), d.titleEn(), d.date(), d.agreementTitle(),
                    d.sections(), d.supportContacts().stream().map(ContactLine::of).toList());
        }
    }

    public record ContactLine(String organisation, String name, String role, String email, String phone) {
        static ContactLine of(SupportContact c) {
            return new ContactLine(c.organisationName(), c.name(), c.role(), c.email(), c.phone());
        }
    }

    public record DeliveryOut(Long id, Long versionId, Long packetId, int number, Long landlordId, String landlordName,
                              Long contactId, String contactName, String email, DeliveryChannel channel,
                              DeliveryStatus status, int sendNumber, Instant requestedAt, String requestedBy,
                              Instant sentAt, Instant openedAt, Instant acknowledgedAt, String acknowledgedBy,
                              DeliveryFailure failureCode, String failureReason, int attempts, Instant nextAttemptAt,
                              boolean uncertain) {
        /** {@code uncertain}: its worker died at the message's end; it may have arrived, and is never sent again by itself. */
        static DeliveryOut of(PacketDelivery d) {
            PacketVersion v = d.packetVersion();
            return new DeliveryOut(d.id(), v.id(), v.packet().id(), v.number(), d.landlord().id(), d.landlord().name(),
                    d.contact().id(), d.contact().name(), d.email(), d.channel(), d.status(), d.sendNumber(),
                    d.requestedAt(), d.requestedBy(), d.sentAt(), d.openedAt(), d.acknowledgedAt(), d.acknowledgedBy(),
                    d.failureCode(), d.failureReason(), d.attempts(), d.nextAttemptAt(), d.uncertain(Instant.now()));
        }
    }

    public record SendOut(long sendId, int queued, int alreadyHad, int withoutAddress, ProgressOut progress) {
        static SendOut of(SendReceipt r, SendProgress p) {
            return new SendOut(r.sendId(), r.queued(), r.alreadyHad(), r.withoutAddress(), ProgressOut.of(p));
        }
    }

    public record ProgressOut(long sendId, Long packetId, int number, Instant requestedAt, String requestedBy,
                              long total, long pending, long sent, long failed, long uncertain, boolean finished,
                              int percent) {
        static ProgressOut of(SendProgress p) {
            return new ProgressOut(p.sendId(), p.packetId(), p.number(), p.requestedAt(), p.requestedBy(), p.total(),
                    p.pending(), p.sent(), p.failed(), p.uncertain(), p.finished(), p.percent());
        }
    }

    public record OverviewOut(long total, long pending, long received, long opened, long acknowledged, long failed,
                              long uncertain, long landlordsNotReached) {
        static OverviewOut of(DeliveryOverview o) {
            return new OverviewOut(o.total(), o.pending(), o.received(), o.opened(), o.acknowledged(), o.failed(),
                    o.uncertain(), o.landlordsNotReached());
        }
    }

    public record PortalPacketOut(Long versionId, String title, int number, Instant publishedAt, Instant receivedAt,
                                  Instant openedAt, Instant acknowledgedAt, DeliveryStatus status) {
        static PortalPacketOut of(PortalPacket p) {
            return new PortalPacketOut(p.versionId(), p.title(), p.number(), p.publishedAt(), p.receivedAt(),
                    p.openedAt(), p.acknowledgedAt(), p.status());
        }
    }

    public record NeedOut(Long id, long version, Long landlordId, String landlordName, NeedCategory category,
                          String description, String reportedBy, Instant reportedAt, boolean handled, String handledBy,
                          Instant handledAt, String handledNote) {
        static NeedOut of(ContactNeed n) {
            return new NeedOut(n.id(), n.version(), n.landlord().id(), n.landlord().name(), n.category(),
                    n.description(), n.reportedBy(), n.reportedAt(), n.handled(), n.handledBy(), n.handledAt(),
                    n.handledNote());
        }
    }
}
