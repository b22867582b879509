package se.iop.landlord.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.account.security.LoginMechanism;
import se.iop.landlord.boundary.LinkExpired;
import se.iop.landlord.boundary.PacketDocument;
import se.iop.landlord.boundary.Portal;
import se.iop.landlord.boundary.PortalPacket;
import se.iop.landlord.entity.SectionText;
import se.iop.web.Ui;

import java.io.Serializable;
import java.util.List;

/**
 * A landlord reads one packet version, reached from the portal list ({@code id}) or from the e-mail's
 * personal link ({@code token}); the page marks it opened by a POST once shown, and the landlord
 * acknowledges it here. Another landlord's version shows as not found.
 */
@Named
@ViewScoped
public class PortalReader implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Portal portal;

    @Inject
    private LandlordUi ui;

    @Inject
    private Ui common;

    @Inject
    @Param(name = "id")
    private String idParam;

    @Inject
    @Param(name = "token")
    private String token;

    private Long versionId;
    private boolean found;
    private transient PacketDocument document;
    private transient PortalPacket packet;

    @PostConstruct
    void load() {
        try {
            versionId = token != null ? portal.linkedVersion(token) : LandlordUi.parseId(idParam);
            if (versionId != null) {
                read();
                found = true;
            }
        } catch (NotFound e) {
            found = false;
        } catch (LinkExpired e) {
            // Followed while logged in: the same page as before login says why (LoginMechanism).
            LandlordUi.redirect(LoginMechanism.LINK_EXPIRED_PAGE);
            return;
        }
        if (!found) {
            LandlordUi.notFound();
        }
    }

    private void read() {
        document = portal.read(versionId);
        packet = portal.packet(versionId);
    }

    /** Runs once the page is shown (a POST with the view's state, never a bare GET). */
    public void markOpened() {
        if (!found) {
            return;
        }
        if (token != null) {
            portal.openLink(token);
        } else {
            portal.opened(versionId);
        }
        packet = portal.packet(versionId);
    }

    public void acknowledge() {
        try {
            packet = portal.acknowledge(versionId);
            ui.info("landlord.portal.acknowledged");
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public PacketDocument getDocument() {
        if (document == null && found) {
            read();
        }
        return document;
    }

    public PortalPacket getPacket() {
        if (packet == null && found) {
            read();
        }
        return packet;
    }

    /** English where the user reads in English and the version has it; Swedish otherwise. */
    public boolean isEnglish() {
        return found && getDocument().hasEnglish() && "en".equals(common.locale().getLanguage());
    }

    public String getTitle() {
        return isEnglish() ? getDocument().titleEn() : getDocument().title();
    }

    public List<SectionText> getSections() {
        List<SectionText> all = getDocument().sections();
        return isEnglish() ? all.stream().filter(s -> s.headingEn() != null).toList() : all;
    }

    public String heading(SectionText s) {
        return isEnglish() ? s.headingEn() : s.heading();
    }

    public List<String> paragraphs(SectionText s) {
        String text = isEnglish() ? s.bodyEn() : s.body();
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\R\\s*\\R"));
    }

    public boolean isFound() {
        return found;
    }

    public Long getVersionId() {
        return versionId;
    }
}
