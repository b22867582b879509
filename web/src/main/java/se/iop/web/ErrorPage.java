package se.iop.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import se.iop.common.DatabaseUnavailable;

import java.util.Map;

/**
 * What the error page says: not found, not allowed, the database away for a moment (503, or an ajax
 * request's failure that OmniFaces shows here), or something unexpected.
 */
@Named
@RequestScoped
public class ErrorPage {

    public String getMessageKey() {
        Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        Object status = request.get(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.get(RequestDispatcher.ERROR_EXCEPTION);
        if (Integer.valueOf(503).equals(status) || (failure instanceof Throwable t && DatabaseUnavailable.in(t))) {
            return "error.unavailable";
        }
        if (Integer.valueOf(404).equals(status)) {
            return "error.notFound";
        }
        return Integer.valueOf(403).equals(status) ? "error.forbidden" : "error.general";
    }
}
