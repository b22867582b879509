package se.iop.report.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.common.Days;
import se.iop.common.StateConflict;

import java.time.Instant;
import java.time.LocalDate;

/** A document attached to a report (minutes, a summary, a table), checked for its type on the way in. */
@Entity
@Table(name = "report_attachment")
@Audited
public class ReportAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    private ActivityReport report;

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

    // Set by disposal (gallring, see Retention) with the bytes emptied; the record stays, read-only here.
    @Column(name = "disposed_at", insertable = false, updatable = false)
    @NotAudited
    private Instant disposedAt;

    // The history keeps who attached what and when, not the bytes.
    @OneToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "content_id")
    @NotAudited
    private AttachmentContent content;

    protected ReportAttachment() {
    }

    ReportAttachment(ActivityReport report, String filename, FileType type, byte[] bytes, String by, Instant at) {
        this.report = report;
        this.filename = filename;
        this.contentType = type.contentType();
        this.sizeBytes = bytes.length;
        this.uploadedBy = by;
        this.uploadedAt = at;
        this.content = new AttachmentContent(bytes);
    }

    public Long id() {
        return id;
    }

    public ActivityReport report() {
        return report;
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
