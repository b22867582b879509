package se.iop.landlord.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.DomainException;
import se.iop.landlord.boundary.Portal;
import se.iop.landlord.boundary.PortalFlat;
import se.iop.landlord.boundary.PortalPacket;
import se.iop.landlord.entity.ContactNeed;
import se.iop.landlord.entity.NeedCategory;

import java.io.Serializable;
import java.util.List;

/** A landlord's start in the portal: the packets sent to it, and asking the support team to get in touch. */
@Named
@ViewScoped
public class PortalList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Portal portal;

    @Inject
    private LandlordUi ui;

    private transient List<PortalPacket> packets;
    private transient List<ContactNeed> needs;
    private transient List<PortalFlat> flats;
    private NeedCategory category;
    private String description;

    public List<PortalPacket> getPackets() {
        if (packets == null) {
            packets = portal.packets();
        }
        return packets;
    }

    /** My flats and the stage each has reached. */
    public List<PortalFlat> getFlats() {
        if (flats == null) {
            flats = portal.flats();
        }
        return flats;
    }

    public List<ContactNeed> getNeeds() {
        if (needs == null) {
            needs = portal.myNeeds();
        }
        return needs;
    }

    public long getUnacknowledged() {
        return getPackets().stream().filter(p -> !p.acknowledged()).count();
    }

    /** Confirms from the list that a packet is read, as the packet's own page does. */
    public void acknowledge(PortalPacket p) {
        try {
            portal.acknowledge(p.versionId());
            packets = null;
            ui.info("landlord.portal.acknowledged");
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public void report() {
        try {
            portal.reportNeed(category, description);
            category = null;
            description = null;
            needs = null;
            ui.info("landlord.portal.needSent");
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public NeedCategory[] getCategories() {
        return NeedCategory.values();
    }

    public NeedCategory getCategory() {
        return category;
    }

    public void setCategory(NeedCategory category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
