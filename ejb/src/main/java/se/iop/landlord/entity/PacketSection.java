package se.iop.landlord.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.common.InvalidInput;
import se.iop.common.Text;

/** One section of a packet version, e.g. "Vem stöttar hyresgästen?", in Swedish and optionally English. */
@Entity
@Table(name = "packet_section")
@Audited
public class PacketSection {

    public static final int HEADING_MAX = 200;
    public static final int BODY_MAX = 10000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "packet_version_id")
    private PacketVersion packetVersion;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = HEADING_MAX)
    private String heading;

    @Column(nullable = false, length = BODY_MAX)
    private String body;

    @Column(name = "heading_en", length = HEADING_MAX)
    private String headingEn;

    @Column(name = "body_en", length = BODY_MAX)
    private String bodyEn;

    protected PacketSection() {
    }

    PacketSection(PacketVersion packetVersion, int position, SectionText text) {
        this.packetVersion = packetVersion;
        rewrite(position, checked(position, text));
    }

    /** The field of section n (from 1) as the editor and the API name it, e.g. {@code sections[2].heading}. */
    static String field(int position, String part) {
        return "sections[" + position + "]." + part;
    }

    /** The section's text trimmed and checked, naming the field of the section that is wrong. */
    static SectionText checked(int position, SectionText text) {
        if (text == null) {
            throw new InvalidInput(field(position, "heading"), "error.required");
        }
        String h = Text.required(field(position, "heading"), text.heading(), HEADING_MAX);
        String b = Text.requiredLines(field(position, "body"), text.body(), BODY_MAX);
        String hEn = Text.optional(field(position, "headingEn"), text.headingEn(), HEADING_MAX);
        String bEn = Text.optionalLines(field(position, "bodyEn"), text.bodyEn(), BODY_MAX);
        if (hEn == null && bEn != null) {
            throw new InvalidInput(field(position, "headingEn"), "error.packet.englishIncomplete");
        }
        if (hEn != null && bEn == null) {
            throw new InvalidInput(field(position, "bodyEn"), "error.packet.englishIncomplete");
        }
        return new SectionText(h, b, hEn, bEn);
    }

    /** Takes text already {@link #checked}. */
    void rewrite(int newPosition, SectionText text) {
        this.position = newPosition;
        this.heading = text.heading();
        this.body = text.body();
        this.headingEn = text.headingEn();
        this.bodyEn = text.bodyEn();
    }

    public SectionText text() {
        return new SectionText(heading, body, headingEn, bodyEn);
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String heading() {
        return heading;
    }

    public String body() {
        return body;
    }

    public String headingEn() {
        return headingEn;
    }

    public String bodyEn() {
        return bodyEn;
    }

    public boolean hasEnglish() {
        return headingEn != null;
    }
}
