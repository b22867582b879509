package se.iop.landlord.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.common.DomainException;
import se.iop.landlord.boundary.ContactData;
import se.iop.landlord.boundary.LandlordData;
import se.iop.landlord.boundary.LandlordQuery;
import se.iop.landlord.boundary.LandlordSummary;
import se.iop.landlord.boundary.Landlords;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordKind;
import se.iop.partner.entity.Organisation;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** The landlord register: search and filters, and registering a new landlord with a first contact. */
@Named
@ViewScoped
public class LandlordList implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX = 1000;

    @Inject
    private Landlords landlords;

    @Inject
    private LandlordUi ui;

    @Inject
    @Param(name = "q")
    private String text;

    private LandlordKind kind;
    private boolean withFlats;
    private boolean withoutAddress;
    private boolean includeInactive;

    private transient List<LandlordSummary> rows;
    private long total;

    // The new-landlord form.
    private LandlordKind newKind = LandlordKind.COMPANY;
    private Long organisationId;
    private String name;
    private String organisationNumber;
    private String address;
    private String contactName;
    private String contactRole;
    private String contactEmail;
    private String contactPhone;
    private transient List<Organisation> companies;

    public void search() {
        rows = null;
    }

    public List<LandlordSummary> getRows() {
        if (rows == null) {
            LandlordQuery q = new LandlordQuery(text, kind, includeInactive, withFlats, withoutAddress, 0, MAX);
            rows = landlords.search(q);
            total = landlords.count(q);
        }
        return rows;
    }

    public String getSummary() {
        List<LandlordSummary> shown = getRows();
        return shown.size() < total ? ui.text("landlord.list.truncated", shown.size(), total)
                : ui.text("landlord.list.count", total);
    }

    public void startNew() {
        newKind = LandlordKind.COMPANY;
        organisationId = null;
        name = null;
        organisationNumber = null;
        address = null;
        contactName = null;
        contactRole = null;
        contactEmail = null;
        contactPhone = null;
        companies = null;
    }

    /** Registers the landlord and opens its page; a refusal keeps the dialog and what was typed. */
    public void create() throws IOException {
        boolean contactGiven = notBlank(contactName) || notBlank(contactEmail) || notBlank(contactPhone);
        ContactData contact = contactGiven ? new ContactData(contactName, contactRole, contactEmail, contactPhone) : null;
        LandlordData data = newKind == LandlordKind.COMPANY
                ? new LandlordData(newKind, organisationId, organisationId == null ? name : null,
                organisationId == null ? organisationNumber : null, address, contact)
                : new LandlordData(newKind, null, name, null, address, contact);
        try {
            Landlord l = landlords.create(data);
            ui.infoAfterRedirect("landlord.saved.created", l.name());
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/landlords/view.xhtml?id=" + l.id());
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    public List<Organisation> getCompanies() {
        if (companies == null) {
            companies = landlords.companiesNotRegistered();
        }
        return companies;
    }

    public LandlordKind[] getKinds() {
        return LandlordKind.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public LandlordKind getKind() {
        return kind;
    }

    public void setKind(LandlordKind kind) {
        this.kind = kind;
    }

    public boolean isWithFlats() {
        return withFlats;
    }

    public void setWithFlats(boolean withFlats) {
        this.withFlats = withFlats;
    }

    public boolean isWithoutAddress() {
        return withoutAddress;
    }

    public void setWithoutAddress(boolean withoutAddress) {
        this.withoutAddress = withoutAddress;
    }

    public boolean isIncludeInactive() {
        return includeInactive;
    }

    public void setIncludeInactive(boolean includeInactive) {
        this.includeInactive = includeInactive;
    }

    public LandlordKind getNewKind() {
        return newKind;
    }

    public void setNewKind(LandlordKind newKind) {
        this.newKind = newKind;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
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

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactRole() {
        return contactRole;
    }

    public void setContactRole(String contactRole) {
        this.contactRole = contactRole;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }
}
