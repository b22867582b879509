package se.iop.agreement.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.common.StateConflict;
import se.iop.report.entity.AttachmentContent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A party's signature of its agreement: who signed for the party and on which day, on paper or as the signed
 * PDF uploaded (its bytes kept as a report attachment's are, with their SHA-256), recorded by whom and when.
 * Made only by {@link Agreement#signOnPaper} and {@link Agreement#signWithDocument}, which keep the rules.
 */
@Entity
@Table(name = "agreement_signature")
@Audited
public class Signature {

    public static final int SIGNED_BY_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "party_id")
    private AgreementParty party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SignatureMethod method;

    @Column(name = "signed_by", length = SIGNED_BY_MAX)
    private String signedBy;

    @Column(name = "signed_on")
    private LocalDate signedOn;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(length = 200)
    private String filename;

    @Column(name = "content_type", length = 100)
    private String contentType;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(length = 64)
    private String sha256;

    // The history keeps who signed what and the checksum, not the bytes.
    @OneToOne(fetch = FetchType.LAZY, cascade = CascadeType.ALL)
    @JoinColumn(name = "content_id")
    @NotAudited
    private AttachmentContent content;

    protected Signature() {
    }

    Signature(Agreement agreement, AgreementParty party, SignatureMethod method, String signedBy, LocalDate signedOn,
              String recordedBy, Instant recordedAt) {
        this.agreement = agreement;
        this.party = party;
        this.method = method;
        this.signedBy = signedBy;
        this.signedOn = signedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void keep(String filename, String contentType, byte[] bytes) {
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = (long) bytes.length;
        this.sha256 = sha256(bytes);
        this.content = new AttachmentContent(bytes);
    }

    /** The SHA-256 of the bytes, in lower-case hex: what is stored and what a download is checked against. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The signed document as uploaded, checked against its stored SHA-256 first: bytes changed since (by hand in
     * the database, a damaged restore) are refused rather than handed out as the signed agreement.
     */
    public byte[] document() {
        if (content == null) {
            throw new StateConflict("method", "error.signature.noDocument");
        }
        byte[] bytes = content.bytes();
        if (!sha256(bytes).equals(sha256)) {
            throw new StateConflict("sha256", "error.signature.checksumMismatch", filename);
        }
        return bytes;
    }

    public boolean hasDocument() {
        return method == SignatureMethod.UPLOAD;
    }

    public Long id() {
        return id;
    }

    public Agreement agreement() {
        return agreement;
    }

    public AgreementParty party() {
        return party;
    }

    public SignatureMethod method() {
        return method;
    }

    public String signedBy() {
        return signedBy;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }
}
