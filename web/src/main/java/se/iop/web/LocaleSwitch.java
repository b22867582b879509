package se.iop.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The user's language for this session: Swedish unless they switch to English. */
@Named
@SessionScoped
public class LocaleSwitch implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Locale.forLanguageTag("sv");

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    public void use(String language) {
        locale = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("sv");
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
