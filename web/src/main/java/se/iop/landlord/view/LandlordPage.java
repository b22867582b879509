package se.iop.landlord.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.common.DomainException;
import se.iop.landlord.boundary.ContactData;
import se.iop.landlord.boundary.Deliveries;
import se.iop.common.Days;
import se.iop.landlord.boundary.FlatData;
import se.iop.landlord.boundary.FlatStages;
import se.iop.landlord.boundary.StageChange;
import se.iop.landlord.entity.FlatStage;
import se.iop.landlord.boundary.Landlords;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordKind;
import se.iop.landlord.entity.PacketDelivery;
import se.iop.web.Ids;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One landlord: its facts, contacts with notes, offered flats and what it has been sent; administrators
 * change them, and administrators and auditors see the history of every change.
 */
@Named
@ViewScoped
public class LandlordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private Landlords landlords;

    @Inject
    private Deliveries deliveries;

    @Inject
    private History history;

    @Inject
    private LandlordUi ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found;
    private transient Landlord landlord;
    private transient List<PacketDelivery> sent;
    private transient List<Change> changes;

    // Head form.
    private String editName;
    private String editAddress;
    private long editVersion;
    // Contact form (new when contactId is null).
    private Long contactId;
    private long contactVersion;
    private String contactName;
    private String contactRole;
    private String contactEmail;
    private String contactPhone;
    // Note form.
    private Long noteContactId;
    private String noteText;
    // Flat form.
    private String flatAddress;
    private BigDecimal flatArea;
    private Integer flatRooms;
    private LocalDate flatFrom;
    // Stage form: the flat, the version it was read at, where to and when, why.
    private Long stageFlatId;
    private long stageVersion;
    private String stageAddress;
    private FlatStage stageFrom;
    private FlatStage stageTo;
    private LocalDate stageDate;
    private String stageReason;
    private transient Map<Long, FlatStages> stages;

    @PostConstruct
    void load() {
        id = LandlordUi.parseId(idParam);
        found = Ids.read(id, this::reload);
    }

    public void reload() {
        landlord = landlords.find(id);
        stages = null;
        sent = null;
        changes = null;
    }

    public Landlord getLandlord() {
        if (landlord == null && found) {
            reload();
        }
        return landlord;
    }

    /** Newest first; only administrators and auditors may see the history. */
    public List<Change> getChanges() {
        if (changes == null && found && viewer.isHistoryVisible()) {
            changes = history.ofLandlord(id);
        }
        return changes == null ? List.of() : changes;
    }

    public List<PacketDelivery> getSent() {
        if (sent == null && found) {
            sent = deliveries.ofLandlord(id);
        }
        return sent == null ? List.of() : sent;
    }

    public void startEdit() {
        reload();
        editName = landlord.name();
        editAddress = landlord.address();
        editVersion = landlord.version();
    }

    public void saveHead() {
        attempt(() -> landlords.update(id, editVersion, editName, editAddress), "landlord.saved.head");
    }

    public void deactivate() {
        long version = getLandlord().version();
        attempt(() -> landlords.deactivate(id, version), "landlord.saved.deactivated");
    }

    public void reactivate() {
        long version = getLandlord().version();
        attempt(() -> landlords.reactivate(id, version), "landlord.saved.reactivated");
    }

    public void startContact(Long existing) {
        reload();
        contactId = existing;
        if (existing == null) {
            contactName = null;
            contactRole = null;
            contactEmail = null;
            contactPhone = null;
        } else {
            var c = landlord.contact(existing);
            contactVersion = c.version();
            contactName = c.name();
            contactRole = c.role();
            contactEmail = c.email();
            contactPhone = c.phone();
        }
    }

    public void saveContact() {
        ContactData data = new ContactData(contactName, contactRole, contactEmail, contactPhone);
        if (contactId == null) {
            attempt(() -> landlords.addContact(id, data), "landlord.saved.contact");
        } else {
            Long cid = contactId;
            attempt(() -> landlords.updateContact(id, cid, contactVersion, data), "landlord.saved.contact");
        }
    }

    public void removeContact(long cid) {
        attempt(() -> landlords.removeContact(id, cid), "landlord.saved.contactRemoved");
    }

    public void startNote(long cid) {
        noteContactId = cid;
        noteText = null;
    }

    public void addNote() {
        attempt(() -> landlords.addNote(id, noteContactId, noteText), "landlord.saved.note");
    }

    public void startFlat() {
        flatAddress = null;
        flatArea = null;
        flatRooms = null;
        flatFrom = null;
    }

    public void offerFlat() {
        attempt(() -> landlords.offerFlat(id, new FlatData(flatAddress, flatArea, flatRooms, flatFrom)), "landlord.saved.flat");
    }

    /** Each flat's stage and steps, by flat id. */
    public FlatStages stagesOf(long flatId) {
        if (stages == null && found) {
            stages = landlords.flatStages(id).stream().collect(Collectors.toMap(FlatStages::flatId, s -> s));
        }
        return stages == null ? null : stages.get(flatId);
    }

    /** Opens the stage form on the flat's next stage (or, at the end of the way, on none), dated today. */
    public void startStage(long flatId) {
        reload();
        FlatStages s = stagesOf(flatId);
        stageFlatId = flatId;
        stageVersion = s.version();
        stageAddress = s.address();
        stageFrom = s.stage();
        stageTo = s.stage().next();
        stageDate = Days.today();
        stageReason = null;
    }

    /** Every stage but the present one: the entity says which of them a step may go to and with what. */
    public List<FlatStage> getStageChoices() {
        return Arrays.stream(FlatStage.values()).filter(s -> s != stageFrom).toList();
    }

    public void moveFlat() {
        Long flatId = stageFlatId;
        StageChange change = new StageChange(stageTo, stageDate, stageReason, stageVersion);
        attempt(() -> landlords.moveFlat(id, flatId, change), "flat.stage.saved");
    }

    private void attempt(Runnable change, String savedKey) {
        try {
            change.run();
            reload();
            ui.info(savedKey);
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public boolean isCompany() {
        return found && getLandlord().kind() == LandlordKind.COMPANY;
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditAddress() {
        return editAddress;
    }

    public void setEditAddress(String editAddress) {
        this.editAddress = editAddress;
    }

    public Long getContactId() {
        return contactId;
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

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }

    public String getFlatAddress() {
        return flatAddress;
    }

    public void setFlatAddress(String flatAddress) {
        this.flatAddress = flatAddress;
    }

    public BigDecimal getFlatArea() {
        return flatArea;
    }

    public void setFlatArea(BigDecimal flatArea) {
        this.flatArea = flatArea;
    }

    public Integer getFlatRooms() {
        return flatRooms;
    }

    public void setFlatRooms(Integer flatRooms) {
        this.flatRooms = flatRooms;
    }

    public LocalDate getFlatFrom() {
        return flatFrom;
    }

    public void setFlatFrom(LocalDate flatFrom) {
        this.flatFrom = flatFrom;
    }
    public String getStageAddress() {
        return stageAddress;
    }

    public FlatStage getStageFrom() {
        return stageFrom;
    }

    public FlatStage getStageTo() {
        return stageTo;
    }

    public void setStageTo(FlatStage stageTo) {
        this.stageTo = stageTo;
    }

    public LocalDate getStageDate() {
        return stageDate;
    }

    public void setStageDate(LocalDate stageDate) {
        this.stageDate = stageDate;
    }

    public String getStageReason() {
        return stageReason;
    }

    public void setStageReason(String stageReason) {
        this.stageReason = stageReason;
    }
}
