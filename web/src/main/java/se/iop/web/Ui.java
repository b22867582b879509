package se.iop.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.context.FacesContext;
import se.iop.common.DomainException;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages to the user in the view's language; domain errors name the field they concern. */
@ApplicationScoped
public class Ui {

    private static final String BUNDLE = "se.iop.web.messages";

    public String text(String key, Object... args) {
        Locale locale = locale();
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public void message(FacesMessage.Severity severity, String key, Object... args) {
        String text = text(key, args);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public void saved() {
        message(FacesMessage.SEVERITY_INFO, "common.saved");
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** Shows a refused change as "Field: why", in the user's language. */
    public void refused(DomainException e) {
        refusedAs(e, e.field() == null ? null : fieldLabel(e.field()));
    }

    private void refusedAs(DomainException e, String label) {
        String why = e.message(locale());
        String summary = label == null ? why : label + ": " + why;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
        faces.validationFailed();
    }

    /**
     * As {@link #refused(DomainException)}, and marks the input of the form whose id is the field's
     * name as invalid, so the page shows (and tells assistive technology) which one it is.
     */
    public void refused(DomainException e, String formId) {
        refused(e, formId, null);
    }

    /**
     * As {@link #refused(DomainException, String)}, naming the field by the feature's own label
     * ({@code labelPrefix + field}, e.g. a legal hold's "reason") where the bundle has one, else by the common one.
     */
    public void refused(DomainException e, String formId, String labelPrefix) {
        refusedAs(e, e.field() == null ? null : fieldLabel(e.field(), labelPrefix));
        if (e.field() != null) {
            UIComponent form = FacesContext.getCurrentInstance().getViewRoot().findComponent(formId);
            UIComponent input = form == null ? null : form.findComponent(e.field());
            if (input instanceof UIInput in) {
                in.setValid(false);
                // An invalid input without a submitted value renders empty: give it back what was typed.
                Object value = in.getValue();
                if (in instanceof UISelectMany) {
                    Object[] chosen = value instanceof Object[] array ? array : new Object[0];
                    in.setSubmittedValue(Arrays.stream(chosen).map(String::valueOf).toArray(String[]::new));
                } else {
                    in.setSubmittedValue(value == null ? "" : String.valueOf(value));
                }
            }
        }
    }

    public String fieldLabel(String field) {
        String label = text("field." + field);
        return label.startsWith("field.") ? field : label;
    }

    /** The feature's own label of a field ({@code labelPrefix + field}) where there is one, else the common one. */
    public String fieldLabel(String field, String labelPrefix) {
        if (labelPrefix != null) {
            String own = text(labelPrefix + field);
            if (!own.equals(labelPrefix + field)) {
                return own;
            }
        }
        return fieldLabel(field);
    }

    public Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.forLanguageTag("sv") : faces.getViewRoot().getLocale();
    }
}
