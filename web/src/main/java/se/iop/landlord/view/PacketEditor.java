package se.iop.landlord.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.agreement.boundary.AgreementQuery;
import se.iop.agreement.boundary.Agreements;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.landlord.boundary.PacketDraft;
import se.iop.landlord.boundary.Packets;
import se.iop.landlord.entity.InformationPacket;
import se.iop.landlord.entity.PacketVersion;
import se.iop.landlord.entity.SectionText;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing a packet version: a new packet (choose its agreement) or a draft version; title and
 * sections in Swedish, English optional; a preview of what landlords will read. A published version
 * is not editable here: the page says so and offers its view.
 */
@Named
@ViewScoped
public class PacketEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Packets packets;

    @Inject
    private Agreements agreements;

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
    private long version;
    private boolean found = true;
    private boolean published;
    private Long agreementId;
    private String agreementTitle;
    private String title;
    private String titleEn;
    private List<SectionForm> sections = new ArrayList<>();
    private boolean preview;
    private transient List<SelectItem> agreementChoices;

    @PostConstruct
    void load() {
        packetId = LandlordUi.parseId(idParam);
        if (packetId == null) {
            sections.add(new SectionForm());
            return;
        }
        Long n = LandlordUi.parseId(numberParam);
        try {
            InformationPacket p = packets.find(packetId);
            PacketVersion v = n == null ? p.latest() : packets.version(packetId, n.intValue());
            v = packets.version(packetId, v.number());
            number = v.number();
            version = v.version();
            published = v.published();
            agreementId = p.agreement().id();
            agreementTitle = p.agreement().title();
            title = v.title();
            titleEn = v.titleEn();
            for (SectionText t : v.content()) {
                sections.add(SectionForm.of(t));
            }
        } catch (NotFound e) {
            found = false;
            LandlordUi.notFound();
        }
    }

    public void addSection() {
        sections.add(new SectionForm());
    }

    public void removeSection(int index) {
        if (index >= 0 && index < sections.size()) {
            sections.remove(index);
        }
    }

    public void moveUp(int index) {
        if (index > 0 && index < sections.size()) {
            sections.add(index - 1, sections.remove(index));
        }
    }

    public void showPreview() {
        preview = true;
    }

    public void hidePreview() {
        preview = false;
    }

    /** Saves the draft (creating the packet the first time) and opens the version's page. */
    public void save() throws IOException {
        PacketDraft draft = new PacketDraft(title, titleEn, sections.stream().map(SectionForm::text).toList());
        try {
            if (packetId == null) {
                InformationPacket p = packets.create(agreementId, draft);
                packetId = p.id();
                number = 1;
            } else {
                packets.edit(packetId, number, version, draft);
            }
            ui.infoAfterRedirect("landlord.packet.saved");
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/packets/view.xhtml?id=" + packetId + "&v=" + number);
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public List<SelectItem> getAgreementChoices() {
        if (agreementChoices == null) {
            agreementChoices = agreements.search(AgreementQuery.all()).stream()
                    .map(a -> new SelectItem(a.id(), a.title() + " (" + a.reference() + ")")).toList();
        }
        return agreementChoices;
    }

    /** Preview paragraphs: the text split at blank lines, as the PDF does. */
    public List<String> paragraphs(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\R\\s*\\R"));
    }

    public boolean isNew() {
        return packetId == null;
    }

    public boolean isFound() {
        return found;
    }

    public boolean isPublished() {
        return published;
    }

    public boolean isPreview() {
        return preview;
    }

    public Long getPacketId() {
        return packetId;
    }

    public int getNumber() {
        return number;
    }

    public String getAgreementTitle() {
        return agreementTitle;
    }

    public Long getAgreementId() {
        return agreementId;
    }

    public void setAgreementId(Long agreementId) {
        this.agreementId = agreementId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public List<SectionForm> getSections() {
        return sections;
    }
}
