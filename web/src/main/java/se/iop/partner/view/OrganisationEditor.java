package se.iop.partner.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.common.StaleVersion;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.web.Ids;
import se.iop.web.Ui;

import java.io.Serializable;

/**
 * Creating an organisation, or editing one named by the id parameter. A refused save keeps what the
 * user typed; a save after someone else's says so, and keeps it too.
 */
@Named
@ViewScoped
public class OrganisationEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "organisation";

    @Inject
    private Organisations organisations;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found = true;
    private OrganisationForm form = new OrganisationForm();

    @PostConstruct
    void load() {
        id = Ids.parse(idParam);
        if (idParam != null && !idParam.isBlank()) {
            try {
                form = OrganisationForm.of(organisations.find(id == null ? -1 : id));
            } catch (NotFound e) {
                found = false;
                FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            }
        }
    }

    public String save() {
        try {
            Organisation o = isEditing() ? organisations.update(id, form.getVersion(), form.data())
                    : organisations.create(form.data());
            ui.message(FacesMessage.SEVERITY_INFO, isEditing() ? "organisation.saved" : "organisation.created");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/organisations/view?faces-redirect=true&id=" + o.id();
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "organisation.stale");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            ui.refused(e, FORM);
        }
        return null;
    }

    public boolean isEditing() {
        return id != null;
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public OrganisationForm getForm() {
        return form;
    }

    public OrganisationKind[] getKinds() {
        return OrganisationKind.values();
    }
}
