package se.iop.agreement.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.file.UploadedFile;
import se.iop.agreement.boundary.PartySignature;
import se.iop.agreement.boundary.Signatures;
import se.iop.agreement.entity.SignatureMethod;
import se.iop.common.DomainException;
import se.iop.web.Ui;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An administrator records a party's signature on the agreement page: who signed for the party, the day, and
 * whether on paper or as the signed PDF uploaded. The rules (a party of this agreement, once, a PDF by the
 * attachment rules) are the domain's; the form keeps what was typed when they refuse it.
 */
@Named
@ViewScoped
public class SignatureActions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AgreementView view;

    @Inject
    private Signatures signatures;

    @Inject
    private Ui ui;

    private Long partyId;
    private String partyName;
    private String signedBy;
    private LocalDate signedOn;
    private SignatureMethod method = SignatureMethod.PAPER;
    // Handed to the service in the upload's own request, never kept in the view state.
    private transient UploadedFile file;

    public void start(long partyId) {
        this.partyId = partyId;
        this.partyName = view.getSignatures().stream().filter(s -> s.partyId() == partyId)
                .map(PartySignature::organisation).findFirst().orElse("");
        this.signedBy = null;
        this.signedOn = null;
        this.method = SignatureMethod.PAPER;
        this.file = null;
    }

    public void save() {
        try {
            if (method == SignatureMethod.UPLOAD) {
                signatures.withDocument(view.getId(), partyId, signedBy, signedOn,
                        file == null ? null : file.getFileName(), file == null ? null : file.getContentType(),
                        file == null ? new byte[0] : file.getContent());
            } else {
                signatures.onPaper(view.getId(), partyId, signedBy, signedOn);
            }
            view.reload();
            ui.message(FacesMessage.SEVERITY_INFO, "signing.saved", partyName);
        } catch (DomainException e) {
            ui.refused(e, "signForm");
        } finally {
            file = null;
        }
    }

    public SignatureMethod[] getMethods() {
        return new SignatureMethod[] {SignatureMethod.PAPER, SignatureMethod.UPLOAD};
    }

    public Long getPartyId() {
        return partyId;
    }

    public String getPartyName() {
        return partyName;
    }

    public String getSignedBy() {
        return signedBy;
    }

    public void setSignedBy(String signedBy) {
        this.signedBy = signedBy;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public SignatureMethod getMethod() {
        return method;
    }

    public void setMethod(SignatureMethod method) {
        this.method = method;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
