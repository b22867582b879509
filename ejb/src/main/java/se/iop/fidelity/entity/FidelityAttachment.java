package se.iop.fidelity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import se.iop.report.entity.IncomingFile;
import se.iop.report.entity.StoredAttachment;

import java.time.Instant;

/**
 * Evidence attached to a self-assessment (a routine, minutes, a staffing list), for the assessment as a whole or for
 * one of its items; taken in and kept by the same rules as a report's attachments.
 */
@Entity
@Table(name = "fidelity_attachment")
@Audited
public class FidelityAttachment extends StoredAttachment {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_id")
    private FidelityAssessment assessment;

    /** The item it is evidence for; null: the assessment as a whole. */
    @Column(name = "item_id")
    private Long itemId;

    protected FidelityAttachment() {
    }

    FidelityAttachment(FidelityAssessment assessment, Long itemId, IncomingFile file, String by, Instant at) {
        super(file, by, at);
        this.assessment = assessment;
        this.itemId = itemId;
    }

    public FidelityAssessment assessment() {
        return assessment;
    }

    public Long itemId() {
        return itemId;
    }
}
