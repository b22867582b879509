package se.iop.landlord.entity;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.common.Text;

import java.time.Instant;

/**
 * A landlord asks the support team to get in touch (a disturbance, unpaid rent, damage): what it is
 * about, written by the landlord; the administrator sees it and marks it handled. Must not name
 * the tenant by personal identity number: such text is refused, as everywhere (see {@link Text}).
 */
@Entity
@Table(name = "contact_need")
@Audited
public class ContactNeed {

    public static final int TEXT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "landlord_id")
    private Landlord landlord;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NeedCategory category;

    @Column(nullable = false, length = TEXT_MAX)
    private String description;

    @Column(name = "reported_by", nullable = false, length = 100)
    private String reportedBy;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "handled_by", length = 100)
    private String handledBy;

    @Column(name = "handled_at")
    private Instant handledAt;

    @Column(name = "handled_note", length = TEXT_MAX)
    private String handledNote;

    protected ContactNeed() {
    }

    public ContactNeed(Landlord landlord, NeedCategory category, String description, String reportedBy, Instant at) {
        if (category == null) {
            throw new InvalidInput("category", "error.required");
        }
        String text = Text.requiredLines("description", description, TEXT_MAX);
        this.landlord = landlord;
        this.category = category;
        this.description = text;
        this.reportedBy = reportedBy;
        this.reportedAt = at;
    }

    public void handle(String by, String note, Instant at) {
        if (handledAt != null) {
            throw new StateConflict("handled", "error.need.alreadyHandled");
        }
        String text = Text.optionalLines("note", note, TEXT_MAX);
        this.handledBy = by;
        this.handledAt = at;
        this.handledNote = text;
    }

    public boolean handled() {
        return handledAt != null;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Landlord landlord() {
        return landlord;
    }

    public NeedCategory category() {
        return category;
    }

    public String description() {
        return description;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public String handledBy() {
        return handledBy;
    }

    public Instant handledAt() {
        return handledAt;
    }

    public String handledNote() {
        return handledNote;
    }
}
