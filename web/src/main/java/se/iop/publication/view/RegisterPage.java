package se.iop.publication.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.DomainException;
import se.iop.publication.boundary.PublicRegister;
import se.iop.publication.boundary.Register;
import se.iop.report.boundary.OutcomeSummary;
import se.iop.report.boundary.OutcomeSummary.MilestoneTally;
import se.iop.report.view.OutcomeCharts;
import se.iop.web.Ui;

import java.util.List;

/**
 * The public register page: read once per request (no view or session state: the page is transient), the
 * partnerships filtered by the GET parameter {@code status} ({@code inForce}, {@code ended}, or none).
 */
@Named
@RequestScoped
public class RegisterPage {

    @Inject
    private PublicRegister service;

    @Inject
    private Ui ui;

    private Register register;
    private OutcomeCharts charts;
    private String status;

    public Register getRegister() {
        if (register == null) {
            String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("status");
            Boolean ended = null;
            try {
                ended = se.iop.publication.rest.PublicRegisterResource.ended(asked);
                status = asked == null || asked.isBlank() ? "" : asked.strip();
            } catch (DomainException e) {
                ui.refused(e);
                status = "";
            }
            register = service.read(ended);
        }
        return register;
    }

    /** The status shown: "inForce", "ended" or "" for all. */
    public String getStatus() {
        getRegister();
        return status;
    }

    /** The outcome charts of the inside dashboards, over the register's quarters (small counts already hidden). */
    public OutcomeCharts getCharts() {
        if (charts == null) {
            charts = new OutcomeCharts(new OutcomeSummary(false, List.of(), getRegister().outcomes(),
                    new MilestoneTally(0, 0, 0, 0, 0), List.of()), ui);
        }
        return charts;
    }

    public String getMunicipality() {
        return se.iop.common.Settings.municipality();
    }
}
