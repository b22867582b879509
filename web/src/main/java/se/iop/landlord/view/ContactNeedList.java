package se.iop.landlord.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.DomainException;
import se.iop.landlord.boundary.ContactNeeds;
import se.iop.landlord.entity.ContactNeed;

import java.io.Serializable;
import java.util.List;

/** What landlords asked the support team for: open ones first; administrators mark them handled. */
@Named
@ViewScoped
public class ContactNeedList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ContactNeeds needs;

    @Inject
    private LandlordUi ui;

    private boolean openOnly = true;
    private transient List<ContactNeed> rows;
    private Long handlingId;
    private long handlingVersion;
    private String note;

    public List<ContactNeed> getRows() {
        if (rows == null) {
            rows = needs.list(openOnly);
        }
        return rows;
    }

    public void filter() {
        rows = null;
    }

    public void startHandle(long id) {
        ContactNeed n = needs.find(id);
        handlingId = id;
        handlingVersion = n.version();
        note = null;
    }

    public void handle() {
        try {
            needs.handle(handlingId, handlingVersion, note);
            rows = null;
            ui.info("landlord.needs.handledSaved");
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
