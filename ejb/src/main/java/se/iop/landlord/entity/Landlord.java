package se.iop.landlord.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Someone who rents out flats to the programme: a company registered as an organisation of kind
 * HOUSING_COMPANY (its name and organisation number are the organisation's), or a private person.
 * Holds the contact people the packets go to and the flats offered; never any tenant's data.
 */
@Entity
@Table(name = "landlord")
@Audited
@NamedQuery(name = Landlord.BY_ORGANISATION, query = "select l from Landlord l where l.organisation.id = :organisation")
public class Landlord {

    public static final String BY_ORGANISATION = "Landlord.byOrganisation";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LandlordKind kind;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", unique = true)
    private Organisation organisation;

    @Column(name = "person_name", length = 200)
    private String personName;

    @Column(length = 200)
    private String address;

    @Column(nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "landlord", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<LandlordContact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "landlord", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("availableFrom, id")
    private List<OfferedFlat> flats = new ArrayList<>();

    protected Landlord() {
    }

    /** A company landlord: an organisation of kind housing company, known to the register. */
    public static Landlord company(Organisation organisation) {
        if (organisation == null) {
            throw new InvalidInput("organisationId", "error.required");
        }
        if (organisation.kind() != OrganisationKind.HOUSING_COMPANY) {
            throw new InvalidInput("organisationId", "error.landlord.needsHousingCompany", organisation.name());
        }
        Landlord l = new Landlord();
        l.kind = LandlordKind.COMPANY;
        l.organisation = organisation;
        return l;
    }

    /** A private person who lets a flat; no personal identity number is kept. */
    public static Landlord person(String name, String address) {
        Landlord l = new Landlord();
        l.kind = LandlordKind.PERSON;
        l.personName = Text.required("name", name, 200);
        l.address = Text.optional("address", address, 200);
        return l;
    }

    /** A person's name and address; a company's come from its organisation, so only the address is kept here. */
    public void describe(String name, String newAddress) {
        if (kind == LandlordKind.PERSON) {
            this.personName = Text.required("name", name, 200);
        }
        this.address = Text.optional("address", newAddress, 200);
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    public LandlordContact addContact(String name, String role, String email, String phone) {
        LandlordContact c = new LandlordContact(this, name, role, email, phone);
        contacts.add(c);
        return c;
    }

    public LandlordContact contact(long contactId) {
        return contacts.stream().filter(c -> c.id() != null && c.id() == contactId).findFirst()
                .orElseThrow(() -> new NotFound("contact"));
    }

    public void removeContact(LandlordContact contact) {
        contacts.remove(contact);
    }

    /** A flat offered from {@code availableFrom}, OFFERED on that day (or {@code today}), recorded by {@code by}. */
    public OfferedFlat offerFlat(String flatAddress, BigDecimal areaSqm, Integer rooms, LocalDate availableFrom,
                                 LocalDate today, String by) {
        if (!active) {
            throw new StateConflict("active", "error.landlord.inactive", name());
        }
        OfferedFlat f = new OfferedFlat(this, flatAddress, areaSqm, rooms, availableFrom, today, by);
        flats.add(f);
        return f;
    }

    public OfferedFlat flat(long flatId) {
        return flats.stream().filter(f -> f.id() != null && f.id() == flatId).findFirst()
                .orElseThrow(() -> new NotFound("flat"));
    }

    /**
     * The flat leaves the programme: it becomes WITHDRAWN on {@code on} (at the earliest on the day of its
     * present stage, which may lie ahead for a flat offered from a later day), and stays with its history.
     */
    public FlatStageChange withdrawFlat(OfferedFlat flat, LocalDate on, String reason, String by, Instant at) {
        LocalDate day = on.isBefore(flat.stageOn()) ? flat.stageOn() : on;
        return flat.moveTo(FlatStage.WITHDRAWN, day, reason, by, at);
    }

    /** The contacts an information packet can be e-mailed to. */
    public List<LandlordContact> addressees() {
        return contacts.stream().filter(c -> c.email() != null).toList();
    }

    /** The landlord's own audited fields, for the history: a company's name and number are its organisation's. */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind);
        if (kind == LandlordKind.PERSON) {
            s.put("name", personName);
        }
        s.put("address", address);
        s.put("active", active);
        return s;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public LandlordKind kind() {
        return kind;
    }

    public Organisation organisation() {
        return organisation;
    }

    public String name() {
        return kind == LandlordKind.COMPANY ? organisation.name() : personName;
    }

    public String organisationNumber() {
        return kind == LandlordKind.COMPANY ? organisation.organisationNumber().value() : null;
    }

    /** The landlord's own address, or for a company without one, its organisation's. */
    public String address() {
        return address == null && kind == LandlordKind.COMPANY ? organisation.address() : address;
    }

    public boolean active() {
        return active;
    }

    public List<LandlordContact> contacts() {
        return Collections.unmodifiableList(contacts);
    }

    public List<OfferedFlat> flats() {
        return Collections.unmodifiableList(flats);
    }
}
