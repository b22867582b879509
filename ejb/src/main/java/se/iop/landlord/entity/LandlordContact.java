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
import se.iop.common.EmailAddress;
import se.iop.common.InvalidInput;
import se.iop.common.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A person at a landlord the programme talks to, reached by e-mail, phone or both; with notes on the contact. */
@Entity
@Table(name = "landlord_contact")
@Audited
public class LandlordContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "landlord_id")
    private Landlord landlord;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 200)
    private String role;

    @Column(length = 200)
    private String email;

    @Column(length = 50)
    private String phone;

    @OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("writtenAt desc, id desc")
    private List<ContactNote> notes = new ArrayList<>();

    protected LandlordContact() {
    }

    LandlordContact(Landlord landlord, String name, String role, String email, String phone) {
        this.landlord = landlord;
        update(name, role, email, phone);
    }

    /** Name and addresses; at least one way to reach the person is needed. */
    public void update(String newName, String newRole, String newEmail, String newPhone) {
        String checkedName = Text.required("name", newName, 200);
        String checkedRole = Text.optional("role", newRole, 200);
        String checkedEmail = EmailAddress.optional("email", newEmail);
        String checkedPhone = ContactDetails.phone("phone", newPhone);
        if (checkedEmail == null && checkedPhone == null) {
            throw new InvalidInput("email", "error.landlord.contactNeedsAddress");
        }
        this.name = checkedName;
        this.role = checkedRole;
        this.email = checkedEmail;
        this.phone = checkedPhone;
    }

    public ContactNote addNote(String text, String writtenBy, Instant at) {
        ContactNote note = new ContactNote(this, text, writtenBy, at);
        notes.add(0, note);
        return note;
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

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** Newest first. */
    public List<ContactNote> notes() {
        return Collections.unmodifiableList(notes);
    }
}
