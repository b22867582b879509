package se.iop.partner.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.common.DomainException;
import se.iop.common.StaleVersion;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.web.Ids;
import se.iop.web.HistoryValues;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One organisation: its details, committees (for a municipality) and contacts, and for administrators
 * and auditors its history. Administrators add, rename and deactivate committees, add and remove contacts, and
 * deactivate or reactivate the organisation; it is never deleted.
 */
@Named
@ViewScoped
public class OrganisationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private HistoryValues historyValues;

    @Inject
    private Organisations organisations;

    @Inject
    private History history;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found;
    private String committeeName;
    private Long renameId;
    private Long renameVersion;
    private String renameName;
    private ContactForm contact = new ContactForm();

    // Entities and audit records are read again after a session is restored rather than stored in it.
    private transient Organisation organisation;
    private transient List<Change> changes;

    @PostConstruct
    void load() {
        id = Ids.parse(idParam);
        found = Ids.read(id, this::read);
    }

    private void read() {
        organisation = organisations.find(id);
        changes = null;
    }

    public Organisation getOrganisation() {
        if (organisation == null && found) {
            read();
        }
        return organisation;
    }

    /** Newest first; only administrators and auditors may see the history. */
    public List<Change> getChanges() {
        if (changes == null && found && viewer.isHistoryVisible()) {
            changes = history.ofOrganisation(id);
        }
        return changes == null ? List.of() : changes;
    }

    // --- actions -------------------------------------------------------------------------------

    public void deactivate() {
        long version = getOrganisation().version();
        attempt(() -> organisations.deactivate(id, version), "organisation.deactivated", null);
    }

    public void reactivate() {
        long version = getOrganisation().version();
        attempt(() -> organisations.reactivate(id, version), "organisation.reactivated", null);
    }

    public void startCommittee() {
        committeeName = null;
    }

    public void addCommittee() {
        attempt(() -> organisations.addCommittee(id, committeeName), "organisation.committee.added", "committeeForm");
    }

    public void startRename(long committeeId) {
        Committee c = getOrganisation().committee(committeeId);
        renameId = committeeId;
        renameVersion = c.version();
        renameName = c.name();
    }

    public void renameCommittee() {
        attempt(() -> organisations.renameCommittee(id, renameId, renameName, renameVersion), "committee.renamed", "renameForm");
    }

    public void deactivateCommittee(long committeeId) {
        long version = getOrganisation().committee(committeeId).version();
        attempt(() -> organisations.deactivateCommittee(id, committeeId, version), "committee.deactivated", null);
    }

    public void startContact() {
        contact = new ContactForm();
    }

    public void addContact() {
        attempt(() -> organisations.addContact(id, contact.getName(), contact.getRole(), contact.getEmail(), contact.getPhone()),
                "organisation.contact.added", "contactForm");
    }

    public void removeContact(long contactId) {
        attempt(() -> organisations.removeContact(id, contactId), "organisation.contact.removed", null);
    }

    /** Runs one change; on success the page reads the organisation again, on refusal the dialog keeps its input. */
    private void attempt(Runnable change, String savedKey, String form) {
        try {
            change.run();
            read();
            ui.message(FacesMessage.SEVERITY_INFO, savedKey);
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "organisation.stale");
            FacesContext.getCurrentInstance().validationFailed();
            read();
        } catch (DomainException e) {
            if (form == null) {
                ui.refused(e);
            } else {
                ui.refused(e, form);
            }
        }
    }

    // --- what the page shows -------------------------------------------------------------------

    public boolean isMunicipality() {
        return found && getOrganisation().kind() == OrganisationKind.MUNICIPALITY;
    }

    public String text(String key, Object value) {
        return ui.text(key, value);
    }

    public String fieldLabel(String field) {
        return ui.fieldLabel(field);
    }

    /** A value in a history row: kinds and yes/no as the user's language says them. */
    public String historyValue(String field, String value) {
        return historyValues.show(field, value, Map.of("kind", "organisation.kind."));
    }

    public Long getId() {
        return id;
    }

    public boolean isFound() {
        return found;
    }

    public String getRenameName() {
        return renameName;
    }

    public void setRenameName(String renameName) {
        this.renameName = renameName;
    }

    public String getCommitteeName() {
        return committeeName;
    }

    public void setCommitteeName(String committeeName) {
        this.committeeName = committeeName;
    }

    public ContactForm getContact() {
        return contact;
    }
}
