package se.iop.privacy.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import se.iop.common.DomainException;
import se.iop.privacy.boundary.Erasure;
import se.iop.privacy.boundary.Extract;
import se.iop.privacy.boundary.PersonQuery;
import se.iop.privacy.boundary.PersonalData;
import se.iop.privacy.boundary.RequestInfo;
import se.iop.privacy.control.ExtractPdf;
import se.iop.privacy.entity.SubjectKind;
import se.iop.web.Ui;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The GDPR requests page: administrators name a person (e-mail, or a record by kind and id) and take out the
 * extract as PDF or erase the data; administrators and auditors read the record of every request made.
 */
@Named
@ViewScoped
public class PrivacyRequests implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "person";

    @Inject
    private PersonalData personalData;

    @Inject
    private Ui ui;

    private String email;
    private SubjectKind kind;
    private Long id;

    private transient List<RequestInfo> rows;

    public List<RequestInfo> getRows() {
        if (rows == null) {
            rows = personalData.requests();
        }
        return rows;
    }

    public SubjectKind[] getKinds() {
        return SubjectKind.values();
    }

    public StreamedContent pdf() {
        try {
            Extract extract = personalData.extract(query());
            byte[] bytes = ExtractPdf.render(extract);
            rows = null;
            return DefaultStreamedContent.builder().name("registerutdrag-" + extract.requestId() + ".pdf")
                    .contentType("application/pdf").contentLength((long) bytes.length)
                    .stream(() -> new ByteArrayInputStream(bytes)).build();
        } catch (DomainException e) {
            ui.refused(e, FORM);
            return null;
        }
    }

    public void erase() {
        try {
            Erasure done = personalData.erase(query());
            rows = null;
            email = null;
            kind = null;
            id = null;
            ui.message(FacesMessage.SEVERITY_INFO, "privacy.erased", done.requestId());
        } catch (DomainException e) {
            ui.refused(e, FORM);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    private PersonQuery query() {
        return new PersonQuery(email, kind, id);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public SubjectKind getKind() {
        return kind;
    }

    public void setKind(SubjectKind kind) {
        this.kind = kind;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
