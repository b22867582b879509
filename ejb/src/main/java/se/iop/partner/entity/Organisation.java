package se.iop.partner.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.common.EmailAddress;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A party that can enter a partnership: a municipality with its committees, a non-profit
 * organisation or a housing company. Never deleted once known, only deactivated, because
 * agreements and their history refer to it.
 */
@Entity
@Table(name = "organisation")
@Audited
@NamedQuery(name = Organisation.FIND_BY_NUMBER,
        query = "select o from Organisation o where o.organisationNumber.value = :number")
public class Organisation {

    public static final String FIND_BY_NUMBER = "Organisation.findByNumber";
    public static final int NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Embedded
    private OrganisationNumber organisationNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private OrganisationKind kind;

    @Column(length = 200)
    private String address;

    @Column(length = 200)
    private String email;

    @Column(length = 50)
    private String phone;

    @Column(nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "organisation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Committee> committees = new ArrayList<>();

    @OneToMany(mappedBy = "organisation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Contact> contacts = new ArrayList<>();

    protected Organisation() {
    }

    public Organisation(String name, OrganisationNumber organisationNumber, OrganisationKind kind) {
        rename(name);
        this.organisationNumber = organisationNumber;
        if (kind == null) {
            throw new InvalidInput("kind", "error.required");
        }
        this.kind = kind;
    }

    public void rename(String name) {
        this.name = Text.required("name", name, NAME_MAX);
    }

    public void changeNumber(OrganisationNumber number) {
        this.organisationNumber = number;
    }

    public void changeKind(OrganisationKind kind) {
        if (kind == null) {
            throw new InvalidInput("kind", "error.required");
        }
        if (kind != this.kind && kind != OrganisationKind.MUNICIPALITY && !committees.isEmpty()) {
            throw new StateConflict("kind", "error.organisation.committeesNeedMunicipality");
        }
        this.kind = kind;
    }

    public void describeContactDetails(String address, String email, String phone) {
        this.address = Text.optional("address", address, 200);
        this.email = EmailAddress.optional("email", email);
        this.phone = Text.optional("phone", phone, 50);
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    /** Only a municipality has committees (nämnder). */
    public Committee addCommittee(String committeeName) {
        if (kind != OrganisationKind.MUNICIPALITY) {
            throw new StateConflict("committee", "error.organisation.committeesNeedMunicipality");
        }
        String wanted = requireFreeName(committeeName, null);
        Committee committee = new Committee(this, wanted);
        committees.add(committee);
        return committee;
    }

    /** A new name, unique in any case among this municipality's committees (as index committee_name_once). */
    public void renameCommittee(Committee committee, String newName) {
        committee.rename(requireFreeName(newName, committee));
    }

    public void deactivateCommittee(Committee committee) {
        committee.deactivate();
    }

    public Committee committee(long committeeId) {
        return committees.stream().filter(c -> c.id() == committeeId).findFirst()
                .orElseThrow(() -> new NotFound("committee"));
    }

    private String requireFreeName(String committeeName, Committee self) {
        String wanted = Text.required("committee", committeeName, 200);
        boolean taken = committees.stream().anyMatch(c -> c != self && c.name().equalsIgnoreCase(wanted));
        if (taken) {
            throw new StateConflict("committee", "error.committee.duplicate", wanted);
        }
        return wanted;
    }

    public Contact addContact(String contactName, String role, String contactEmail, String contactPhone) {
        Contact contact = new Contact(this, contactName, role, contactEmail, contactPhone);
        contacts.add(contact);
        return contact;
    }

    public void removeContact(Contact contact) {
        contacts.remove(contact);
    }

    /** The fields the history shows, by name. */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("organisationNumber", organisationNumber == null ? null : organisationNumber.value());
        s.put("kind", kind);
        s.put("address", address);
        s.put("email", email);
        s.put("phone", phone);
        s.put("active", active);
        return s;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public OrganisationNumber organisationNumber() {
        return organisationNumber;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public String address() {
        return address;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public boolean active() {
        return active;
    }

    public List<Committee> committees() {
        return Collections.unmodifiableList(committees);
    }

    public List<Contact> contacts() {
        return Collections.unmodifiableList(contacts);
    }
}
