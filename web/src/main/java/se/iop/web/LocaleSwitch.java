package se.iop.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

import java.util.Locale;
import java.util.Map;

/**
 * The user's language: Swedish unless they switch to English. Kept in a small cookie rather than in
 * the session, so that the login page (and any page an anonymous visitor sees) needs no session.
 */
@Named
@RequestScoped
public class LocaleSwitch {

    static final String COOKIE = "iop-lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Object cookie = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(COOKIE);
            locale = of(cookie instanceof Cookie c ? c.getValue() : null);
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public void use(String language) {
        locale = of(language);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        ExternalContext external = faces.getExternalContext();
        String path = external.getRequestContextPath();
        external.addResponseCookie(COOKIE, locale.getLanguage(), Map.of(
                "path", path.isEmpty() ? "/" : path, "maxAge", ONE_YEAR, "httpOnly", Boolean.TRUE,
                "SameSite", "Lax", "secure", external.isSecure()));
    }

    /** Only the two languages of the bundles; anything else a cookie says is Swedish. */
    static Locale of(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("sv");
    }
}
