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
import org.hibernate.envers.Audited;
import se.iop.common.Text;

import java.time.Instant;

/** What someone at the municipality wrote down about a contact (a call, a visit, an agreement made); never edited. */
@Entity
@Table(name = "landlord_contact_note")
@Audited
public class ContactNote {

    public static final int TEXT_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private LandlordContact contact;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(name = "written_by", nullable = false, length = 100)
    private String writtenBy;

    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    protected ContactNote() {
    }

    ContactNote(LandlordContact contact, String text, String writtenBy, Instant at) {
        this.contact = contact;
        this.text = Text.requiredLines("text", text, TEXT_MAX);
        this.writtenBy = Text.required("writtenBy", writtenBy, 100);
        this.writtenAt = at;
    }

    public Long id() {
        return id;
    }

    public LandlordContact contact() {
        return contact;
    }

    public Instant writtenAt() {
        return writtenAt;
    }

    public String writtenBy() {
        return writtenBy;
    }

    public String text() {
        return text;
    }
}
