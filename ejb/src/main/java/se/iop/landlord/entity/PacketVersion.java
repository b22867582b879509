package se.iop.landlord.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.common.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of an information packet: a title and sections in Swedish (English optional). A draft
 * is edited freely; publishing freezes it, with the support contacts of that day, and it is what
 * landlords get. A change after that is a new version.
 */
@Entity
@Table(name = "packet_version")
@Audited
public class PacketVersion {

    public static final int TITLE_MAX = 300;
    public static final int MAX_SECTIONS = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "packet_id")
    private InformationPacket packet;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private VersionStatus status = VersionStatus.DRAFT;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "title_en", length = TITLE_MAX)
    private String titleEn;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 100)
    private String publishedBy;

    @OneToMany(mappedBy = "packetVersion", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PacketSection> sections = new ArrayList<>();

    // Written once, when the version is published, and never changed: the version's own audit covers it.
    @NotAudited
    @ElementCollection
    @CollectionTable(name = "packet_support_contact", joinColumns = @JoinColumn(name = "packet_version_id"))
    @OrderColumn(name = "position")
    private List<SupportContact> supportContacts = new ArrayList<>();

    protected PacketVersion() {
    }

    PacketVersion(InformationPacket packet, int number, String title, String titleEn, List<SectionText> content) {
        this.packet = packet;
        this.number = number;
        write(title, titleEn, content);
    }

    /** Replaces title and sections of a draft; a published version is refused. */
    public void edit(String newTitle, String newTitleEn, List<SectionText> content) {
        requireDraft();
        write(newTitle, newTitleEn, content);
    }

    // Everything is checked before anything changes, so a refused edit leaves the draft as it was.
    private void write(String newTitle, String newTitleEn, List<SectionText> content) {
        String t = Text.required("title", newTitle, TITLE_MAX);
        String tEn = Text.optional("titleEn", newTitleEn, TITLE_MAX);
        if (content == null || content.isEmpty()) {
            throw new InvalidInput("sections", "error.packet.noContent");
        }
        if (content.size() > MAX_SECTIONS) {
            throw new InvalidInput("sections", "error.packet.tooManySections", MAX_SECTIONS);
        }
        List<SectionText> checked = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            checked.add(PacketSection.checked(i + 1, content.get(i)));
        }
        boolean english = checked.stream().anyMatch(s -> s.headingEn() != null);
        if (english && tEn == null) {
            throw new InvalidInput("titleEn", "error.packet.englishIncomplete");
        }
        // Sections are rewritten in place, so an edit is recorded as a change, not as a delete and a new section.
        List<PacketSection> kept = new ArrayList<>(sections);
        for (int i = 0; i < checked.size(); i++) {
            if (i < kept.size()) {
                kept.get(i).rewrite(i + 1, checked.get(i));
            } else {
                sections.add(new PacketSection(this, i + 1, checked.get(i)));
            }
        }
        for (int i = kept.size() - 1; i >= checked.size(); i--) {
            sections.remove(kept.get(i));
        }
        this.title = t;
        this.titleEn = tEn;
    }

    /** Freezes the version with the support contacts of today; it is then what landlords receive. */
    public void publish(List<SupportContact> contacts, String by, Instant at) {
        requireDraft();
        if (sections.isEmpty()) {
            throw new InvalidInput("sections", "error.packet.noContent");
        }
        this.supportContacts = new ArrayList<>(contacts);
        this.status = VersionStatus.PUBLISHED;
        this.publishedAt = at;
        this.publishedBy = by;
    }

    private void requireDraft() {
        if (status != VersionStatus.DRAFT) {
            throw new StateConflict("status", "error.packet.published", number);
        }
    }

    public List<SectionText> content() {
        return sections.stream().map(PacketSection::text).toList();
    }

    public boolean published() {
        return status == VersionStatus.PUBLISHED;
    }

    public boolean hasEnglish() {
        return titleEn != null;
    }

    /** The version's own audited fields, for the history (its sections have their own). */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status);
        s.put("title", title);
        s.put("titleEn", titleEn);
        s.put("publishedAt", publishedAt);
        s.put("publishedBy", publishedBy);
        return s;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public InformationPacket packet() {
        return packet;
    }

    public int number() {
        return number;
    }

    public VersionStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String titleEn() {
        return titleEn;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public List<PacketSection> sections() {
        return Collections.unmodifiableList(sections);
    }

    /** As published; empty for a draft, whose support contacts are read from the agreement when shown. */
    public List<SupportContact> supportContacts() {
        return Collections.unmodifiableList(supportContacts);
    }
}
