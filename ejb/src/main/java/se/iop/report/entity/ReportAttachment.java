package se.iop.report.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

import java.time.Instant;

/** A document attached to a report (minutes, a summary, a table), checked for its type on the way in. */
@Entity
@Table(name = "report_attachment")
@Audited
public class ReportAttachment extends StoredAttachment {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    private ActivityReport report;

    protected ReportAttachment() {
    }

    ReportAttachment(ActivityReport report, IncomingFile file, String by, Instant at) {
        super(file, by, at);
        this.report = report;
    }

    public ActivityReport report() {
        return report;
    }
}
