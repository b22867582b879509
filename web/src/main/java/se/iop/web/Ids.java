package se.iop.web;

import jakarta.faces.context.FacesContext;
import se.iop.common.NotFound;

/** Ids from request parameters: anything that is not a number names nothing. */
public final class Ids {

    private Ids() {
    }

    public static Long parse(String param) {
        try {
            return param == null || param.isBlank() ? null : Long.valueOf(param.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads what a page about one thing shows; false when the id names nothing (none, not a number,
     * unknown). The page then renders its own not-found text, and the status 404 tells clients.
     */
    public static boolean read(Long id, Runnable read) {
        if (id != null) {
            try {
                read.run();
                return true;
            } catch (NotFound e) {
                // falls through to 404
            }
        }
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        return false;
    }
}
