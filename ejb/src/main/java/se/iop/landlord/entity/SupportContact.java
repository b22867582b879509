package se.iop.landlord.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who supports the tenant and can be called, as it stood when a version was published: taken from
 * the contacts of the agreement's partners, kept with the version so the published text never changes.
 */
@Embeddable
public class SupportContact {

    @Column(name = "organisation_name", nullable = false, length = 200)
    private String organisationName;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 200)
    private String role;

    @Column(length = 200)
    private String email;

    @Column(length = 50)
    private String phone;

    protected SupportContact() {
    }

    public SupportContact(String organisationName, String name, String role, String email, String phone) {
        this.organisationName = organisationName;
        this.name = name;
        this.role = role;
        this.email = email;
        this.phone = phone;
    }

    public String organisationName() {
        return organisationName;
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
