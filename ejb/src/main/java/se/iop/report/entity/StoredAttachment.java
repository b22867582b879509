package se.iop.report.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToOne;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.common.Days;
import se.iop.common.StateConflict;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What every attached document keeps, whatever it is attached to: its name, type and size as taken in
 * ({@link IncomingFile}), who attached it and when, its bytes in {@code attachment_content}, and whether disposal
 * (gallring, see Retention) has emptied them. A table per owner maps it (report_attachment, fidelity_attachment).
 */
@MappedSuperclass
@Audited
public abstract class StoredAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = FileType.MAX_NAME)
    private String filename;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 100)
    private String uploadedBy;

    // Set by disposal with the bytes emptied; the record stays, read-only here.
    @Column(name = "disposed_at", insertable = false, updatable = false)
    @NotAudited
    private Instant disposedAt;

    // The history keeps who attached what and when, not the bytes.
    @OneToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "content_id")
    @NotAudited
    private AttachmentContent content;

    protected StoredAttachment() {
    }

    protected StoredAttachment(IncomingFile file, String by, Instant at) {
        this.filename = file.filename();
        this.contentType = file.type().contentType();
        this.sizeBytes = file.bytes().length;
        this.uploadedBy = by;
        this.uploadedAt = at;
        this.content = new AttachmentContent(file.bytes());
    }

    public Long id() {
        return id;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    /** The day (in Sweden) its content was disposed of, or null while it is kept. */
    public LocalDate disposedOn() {
        return disposedAt == null ? null : LocalDate.ofInstant(disposedAt, Days.SWEDEN);
    }

    public boolean disposed() {
        return disposedAt != null;
    }

    /** The content; refused once it has been disposed of (the record alone is kept). */
    public byte[] bytes() {
        if (disposedAt != null) {
            throw new StateConflict("attachment", "error.attachment.disposed", disposedOn());
        }
        return content.bytes();
    }
}
