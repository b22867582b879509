package se.iop.landlord.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.landlord.boundary.Deliveries;
import se.iop.landlord.boundary.DeliveryOverview;
import se.iop.landlord.boundary.LandlordQuery;
import se.iop.landlord.boundary.Landlords;
import se.iop.landlord.boundary.PacketDocument;
import se.iop.landlord.boundary.Packets;
import se.iop.landlord.boundary.SendProgress;
import se.iop.landlord.boundary.SendReceipt;
import se.iop.landlord.boundary.SendRequest;
import se.iop.landlord.entity.DeliveryStatus;
import se.iop.landlord.entity.InformationPacket;
import se.iop.landlord.entity.PacketDelivery;
import se.iop.landlord.entity.PacketVersion;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.iop.web.Viewer;

/**
 * One packet version: its text as landlords will read it, publishing and the next version, the PDF,
 * sending it (chosen landlords, or all not yet reached) with the progress of the background send,
 * how far its deliveries have come, and (for administrators and auditors) the history of its changes.
 */
@Named
@ViewScoped
public class PacketView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private Packets packets;

    @Inject
    private Deliveries deliveries;

    @Inject
    private Landlords landlords;

    @Inject
    private History history;

    @Inject
    private LandlordUi ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    @Inject
    @Param(name = "v")
    private String numberParam;

    private Long packetId;
    private int number;
    private boolean found;
    private transient InformationPacket packet;
    private transient PacketVersion version;
    private transient PacketDocument document;
    private transient DeliveryOverview overview;
    private transient List<PacketDelivery> rows;
    private transient List<Change> changes;
    private DeliveryStatus statusFilter;

    // Send dialog.
    private boolean notYetReached = true;
    private List<Long> chosen = new ArrayList<>();
    private boolean resend;
    private Long sendId;
    private transient SendProgress progress;
    private transient List<SelectItem> landlordChoices;

    @PostConstruct
    void load() {
        packetId = LandlordUi.parseId(idParam);
        Long n = LandlordUi.parseId(numberParam);
        if (packetId != null) {
            try {
                InformationPacket p = packets.find(packetId);
                number = n == null ? p.latest().number() : n.intValue();
                read();
                found = true;
            } catch (NotFound e) {
                found = false;
            }
        }
        if (!found) {
            LandlordUi.notFound();
        }
    }

    private void read() {
        packet = packets.find(packetId);
        version = packets.version(packetId, number);
        document = packets.document(packetId, number);
        overview = null;
        rows = null;
        changes = null;
    }

    public void reload() {
        read();
    }

    public InformationPacket getPacket() {
        if (packet == null && found) {
            read();
        }
        return packet;
    }

    public PacketVersion getVersion() {
        if (version == null && found) {
            read();
        }
        return version;
    }

    public PacketDocument getDocument() {
        if (document == null && found) {
            read();
        }
        return document;
    }

    public void publish() {
        try {
            packets.publish(packetId, number, getVersion().version());
            read();
            ui.info("landlord.packet.published", number);
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public void newVersion() throws IOException {
        try {
            PacketVersion v = packets.newVersion(packetId);
            ui.infoAfterRedirect("landlord.packet.newVersion", v.number());
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/packets/edit.xhtml?id=" + packetId + "&v=" + v.number());
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public void startSend() {
        notYetReached = true;
        chosen = new ArrayList<>();
        resend = false;
        landlordChoices = null;
    }

    /** Queues the send; the page then follows its progress until nothing is pending. */
    public void send() {
        try {
            SendReceipt r = deliveries.send(packetId, number, new SendRequest(notYetReached ? List.of() : chosen,
                    notYetReached, resend));
            sendId = r.sendId();
            progress = null;
            ui.info("landlord.send.queued", r.queued(), r.alreadyHad(), r.withoutAddress());
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public SendProgress getProgress() {
        if (sendId != null && progress == null) {
            progress = deliveries.progress(sendId);
        }
        return progress;
    }

    /** Called by the poll: reads the progress and, once the send is done, the deliveries again. */
    public void refreshProgress() {
        progress = null;
        overview = null;
        rows = null;
    }

    public boolean isSending() {
        return getProgress() != null && !getProgress().finished();
    }

    /** The version's history, newest first; only administrators and auditors may see it. */
    public List<Change> getChanges() {
        if (changes == null && found && viewer.isHistoryVisible()) {
            changes = history.ofPacketVersion(getVersion().id());
        }
        return changes == null ? List.of() : changes;
    }

    public DeliveryOverview getOverview() {
        if (overview == null && found) {
            overview = deliveries.overview(packetId, number);
        }
        return overview;
    }

    public List<PacketDelivery> getRows() {
        if (rows == null && found) {
            rows = deliveries.ofVersion(packetId, number, statusFilter);
        }
        return rows == null ? List.of() : rows;
    }

    public void filter() {
        rows = null;
    }

    /** Whether the delivery's mailer died at the message's end: it may have arrived, and is never sent again by itself. */
    public boolean uncertain(PacketDelivery d) {
        return d.uncertain(Instant.now());
    }

    /** An administrator sends an uncertain delivery again (the service refuses anyone else, and anything else). */
    public void sendAgain(long deliveryId) {
        try {
            deliveries.sendAgain(deliveryId);
            ui.info("mail.sendAgain.done");
        } catch (DomainException e) {
            ui.refused(e);
        }
        overview = null;
        rows = null;
    }

    public List<SelectItem> getLandlordChoices() {
        if (landlordChoices == null) {
            landlordChoices = landlords.search(LandlordQuery.all()).stream().filter(l -> l.reachable())
                    .map(l -> new SelectItem(l.id(), l.name())).toList();
        }
        return landlordChoices;
    }

    public List<String> paragraphs(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\R\\s*\\R"));
    }

    public DeliveryStatus[] getStatuses() {
        return DeliveryStatus.values();
    }

    /** A new version can be started from the latest version when it is published. */
    public boolean isNewVersionAllowed() {
        return found && getPacket().latest().published();
    }

    public boolean isFound() {
        return found;
    }

    public Long getPacketId() {
        return packetId;
    }

    public int getNumber() {
        return number;
    }

    public Long getSendId() {
        return sendId;
    }

    public DeliveryStatus getStatusFilter() {
        return statusFilter;
    }

    public void setStatusFilter(DeliveryStatus statusFilter) {
        this.statusFilter = statusFilter;
    }

    public boolean isNotYetReached() {
        return notYetReached;
    }

    public void setNotYetReached(boolean notYetReached) {
        this.notYetReached = notYetReached;
    }

    public List<Long> getChosen() {
        return chosen;
    }

    public void setChosen(List<Long> chosen) {
        this.chosen = chosen;
    }

    public boolean isResend() {
        return resend;
    }

    public void setResend(boolean resend) {
        this.resend = resend;
    }
}
