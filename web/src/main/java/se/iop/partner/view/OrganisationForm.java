package se.iop.partner.view;

import se.iop.partner.boundary.OrganisationData;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;

import java.io.Serializable;

/** An organisation as the user types it, with the version it was read at when editing. */
public class OrganisationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long version;
    private String name;
    private String organisationNumber;
    private OrganisationKind kind;
    private String address;
    private String email;
    private String phone;

    static OrganisationForm of(Organisation o) {
        OrganisationForm f = new OrganisationForm();
        f.version = o.version();
        f.name = o.name();
        f.organisationNumber = o.organisationNumber() == null ? null : o.organisationNumber().value();
        f.kind = o.kind();
        f.address = o.address();
        f.email = o.email();
        f.phone = o.phone();
        return f;
    }

    OrganisationData data() {
        return new OrganisationData(name, organisationNumber, kind, address, email, phone);
    }

    public Long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOrganisationNumber() {
        return organisationNumber;
    }

    public void setOrganisationNumber(String organisationNumber) {
        this.organisationNumber = organisationNumber;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public void setKind(OrganisationKind kind) {
        this.kind = kind;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
