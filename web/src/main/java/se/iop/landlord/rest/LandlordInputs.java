package se.iop.landlord.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.landlord.boundary.ContactData;
import se.iop.landlord.boundary.FlatData;
import se.iop.landlord.boundary.LandlordData;
import se.iop.landlord.boundary.PacketDraft;
import se.iop.landlord.boundary.SendRequest;
import se.iop.landlord.boundary.StageChange;
import se.iop.landlord.entity.FlatStage;
import se.iop.landlord.entity.LandlordKind;
import se.iop.landlord.entity.NeedCategory;
import se.iop.landlord.entity.OfferedFlat;
import se.iop.landlord.entity.PacketVersion;
import se.iop.landlord.entity.SectionText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What clients send to the landlord API, checked for shape; the domain checks the rest and names the field. */
public final class LandlordInputs {

    private LandlordInputs() {
    }

    public record ContactInput(@Size(max = 200) String name, @Size(max = 200) String role,
                               @Size(max = 200) @Schema(example = "kontakt@example.se") String email,
                               @Size(max = 50) String phone, Long version) {
        public ContactData data() {
            return new ContactData(name, role, email, phone);
        }
    }

    public record LandlordInput(LandlordKind kind, Long organisationId, @Size(max = 200) String name,
                                @Size(max = 20) @Schema(example = "556677-8899") String organisationNumber,
                                @Size(max = 200) String address,
                                @Valid ContactInput contact) {
        public LandlordData data() {
            return new LandlordData(kind, organisationId, name, organisationNumber, address,
                    contact == null ? null : contact.data());
        }
    }

    public record LandlordUpdate(@Size(max = 200) String name, @Size(max = 200) String address, Long version) {
    }

    public record VersionOnly(Long version) {
    }

    public record NoteInput(@Size(max = 4000) String text) {
    }

    public record FlatInput(@Size(max = 200) String address,
                            @Schema(minimum = "0", exclusiveMinimum = true, maximum = OfferedFlat.AREA_MAX, multipleOf = 0.1)
                            BigDecimal areaSqm,
                            @Schema(minimum = "1", maximum = "" + OfferedFlat.ROOMS_MAX) Integer rooms,
                            LocalDate availableFrom) {
        public FlatData data() {
            return new FlatData(address, areaSqm, rooms, availableFrom);
        }
    }

    /** A flat's next step: the stage, its day, the reason where a step needs one, the version it was read at. */
    public record StageInput(FlatStage stage, LocalDate date, @Size(max = 500) String reason, Long version) {
        public StageChange change() {
            return new StageChange(stage, date, reason, version);
        }
    }

    public record SectionInput(@Size(max = 200) String heading, @Size(max = 10000) String body,
                               @Size(max = 200) String headingEn, @Size(max = 10000) String bodyEn) {
        SectionText text() {
            return new SectionText(heading, body, headingEn, bodyEn);
        }
    }

    public record PacketInput(Long agreementId, @Size(max = PacketVersion.TITLE_MAX) String title,
                              @Size(max = PacketVersion.TITLE_MAX) String titleEn,
                              @Size(max = PacketVersion.MAX_SECTIONS) List<@Valid SectionInput> sections, Long version) {
        public PacketDraft draft() {
            return new PacketDraft(title, titleEn, sections == null ? null
                    : sections.stream().map(s -> s == null ? null : s.text()).toList());
        }
    }

    public record SendInput(@Size(max = 5000) List<Long> landlordIds, boolean notYetReached, boolean resend) {
        public SendRequest request() {
            return new SendRequest(landlordIds, notYetReached, resend);
        }
    }

    public record NeedInput(@NotNull NeedCategory category, @Size(max = 2000) String description) {
    }

    public record HandledInput(@Size(max = 2000) String note, Long version) {
    }

    public record LinkInput(@Size(max = 100) String token) {
    }
}
