package se.iop.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The signed-in user's roles, for backing beans and pages ({@code #{viewer.admin}}), so the role
 * names and who-may-see-what are written once. Asks the current request each time.
 */
@Named
@ApplicationScoped
public class Viewer {

    public boolean isAdmin() {
        return has("ADMIN");
    }

    public boolean isFinance() {
        return has("FINANCE");
    }

    public boolean isPartner() {
        return has("PARTNER");
    }

    public boolean isAuditor() {
        return has("AUDITOR");
    }

    public boolean isLandlord() {
        return has("LANDLORD");
    }

    /** Administrators and auditors see who changed what. */
    public boolean isHistoryVisible() {
        return isAdmin() || isAuditor();
    }

    /** Everyone but landlords follows the agreements up: reports, budgets, the dashboard's figures. */
    public boolean isFollowUp() {
        return isAdmin() || isFinance() || isAuditor() || isPartner();
    }

    private static boolean has(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }
}
