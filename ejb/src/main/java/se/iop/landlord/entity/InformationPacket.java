package se.iop.landlord.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.agreement.entity.Agreement;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Information for landlords about one partnership (what Bostad först is, how the lease works, who
 * supports the tenant, whom to call): a series of versions, of which at most one is a draft.
 */
@Entity
@Table(name = "information_packet")
@Audited
public class InformationPacket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "packet", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<PacketVersion> versions = new ArrayList<>();

    protected InformationPacket() {
    }

    /** A new packet for an agreement, with its first version as a draft. */
    public InformationPacket(Agreement agreement, String title, String titleEn, List<SectionText> content, Instant at) {
        if (agreement == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        this.agreement = agreement;
        this.createdAt = at;
        versions.add(new PacketVersion(this, 1, title, titleEn, content));
    }

    /** A new draft after the latest version, starting from its text; refused while a draft is open. */
    public PacketVersion newVersion() {
        PacketVersion latest = latest();
        if (!latest.published()) {
            throw new StateConflict("status", "error.packet.draftExists", latest.number());
        }
        PacketVersion next = new PacketVersion(this, latest.number() + 1, latest.title(), latest.titleEn(),
                latest.content());
        versions.add(next);
        return next;
    }

    public PacketVersion version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFound("version"));
    }

    public PacketVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** The newest version landlords can get, if any is published. */
    public PacketVersion latestPublished() {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).published()) {
                return versions.get(i);
            }
        }
        return null;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Agreement agreement() {
        return agreement;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<PacketVersion> versions() {
        return Collections.unmodifiableList(versions);
    }
}
