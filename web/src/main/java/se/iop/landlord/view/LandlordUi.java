package se.iop.landlord.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.DomainException;
import se.iop.common.StaleVersion;
import se.iop.web.Ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages of the landlord pages: a refused change as "Field: why" with the landlord feature's own
 * field labels (a section's field as "Section 2, text"), stale saves with a hint to reload.
 */
@Named
@ApplicationScoped
public class LandlordUi {

    private static final Pattern SECTION_FIELD = Pattern.compile("sections\\[(\\d+)]\\.(\\w+)");

    @Inject
    private Ui ui;

    public void refused(DomainException e) {
        if (e instanceof StaleVersion) {
            ui.message(FacesMessage.SEVERITY_ERROR, "landlord.stale");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        String why = e.message(ui.locale());
        String summary = e.field() == null ? why : label(e.field()) + ": " + why;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
        faces.validationFailed();
    }

    public String label(String field) {
        Matcher m = SECTION_FIELD.matcher(field);
        if (m.matches()) {
            return ui.text("landlord.field.section." + m.group(2), Integer.parseInt(m.group(1)));
        }
        String own = ui.text("landlord.field." + field);
        return own.startsWith("landlord.field.") ? ui.fieldLabel(field) : own;
    }

    public void info(String key, Object... args) {
        ui.message(FacesMessage.SEVERITY_INFO, key, args);
    }

    /** Keeps the message across a redirect. */
    public void infoAfterRedirect(String key, Object... args) {
        info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public String text(String key, Object... args) {
        return ui.text(key, args);
    }

    public static Long parseId(String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    /** Leaves the page for another of this application, e.g. the login page saying a link has expired. */
    public static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Shows the page's own "not found" text and tells clients with the status. */
    public static void notFound() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }
}
