package se.iop.publication.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.DomainException;
import se.iop.publication.boundary.BarrierReports;
import se.iop.web.Ui;

/**
 * The form on the accessibility statement for reporting a barrier. The page is transient and this bean
 * lives for one request, so an anonymous visitor's report makes no session; a refused field is marked and
 * named, what was typed stays; after a report the browser is sent back to the statement (redirect after post).
 */
@Named
@RequestScoped
public class BarrierForm {

    @Inject
    private BarrierReports reports;

    @Inject
    private Ui ui;

    private String description;
    private String page;
    private String email;

    public String send() {
        try {
            reports.report(description, page, email);
        } catch (DomainException e) {
            ui.refused(e, "barrier");
            return null;
        }
        return "/public/accessibility?faces-redirect=true&sent=true";
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
