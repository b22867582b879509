package se.iop.agreement.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.common.DomainException;
import se.iop.web.Ui;

import java.io.Serializable;

/** A new agreement: its head and prose; parties, decisions and the rest follow on its own page. */
@Named
@ViewScoped
public class AgreementEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Agreements agreements;

    @Inject
    private Ui ui;

    private final AgreementForm form = new AgreementForm();

    /** Creates the agreement and opens its page; a refusal keeps the form as typed. */
    public String create() {
        try {
            Agreement a = agreements.create(form.draft());
            ui.message(FacesMessage.SEVERITY_INFO, "agreement.created");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/agreements/view?faces-redirect=true&id=" + a.id();
        } catch (DomainException e) {
            ui.refused(e);
            return null;
        }
    }

    public AgreementForm getForm() {
        return form;
    }
}
