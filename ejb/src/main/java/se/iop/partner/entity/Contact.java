package se.iop.partner.entity;

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
import se.iop.common.EmailAddress;
import se.iop.common.Text;

/** A contact person at an organisation, with the role they have in the partnership. */
@Entity
@Table(name = "contact")
@Audited
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 200)
    private String role;

    @Column(length = 200)
    private String email;

    @Column(length = 50)
    private String phone;

    protected Contact() {
    }

    Contact(Organisation organisation, String name, String role, String email, String phone) {
        this.organisation = organisation;
        this.name = Text.required("contactName", name, 200);
        this.role = Text.optional("contactRole", role, 200);
        this.email = EmailAddress.optional("contactEmail", email);
        this.phone = Text.optional("contactPhone", phone, 50);
    }

    public Long id() {
        return id;
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
}
