package se.iop.audit.entity;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;
import org.hibernate.envers.RevisionListener;

import java.security.Principal;

/** Stamps each revision with the logged-in user; changes made by the system itself say "system". */
public class RevisionUserListener implements RevisionListener {

    static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revisionEntity) {
        ((Revision) revisionEntity).setUsername(currentUser());
    }

    private static String currentUser() {
        try {
            // Envers instantiates listeners itself, so the security context is looked up, not injected.
            Principal principal = CDI.current().select(SecurityContext.class).get().getCallerPrincipal();
            return principal == null || principal.getName() == null || "anonymous".equals(principal.getName())
                    ? SYSTEM : principal.getName();
        } catch (RuntimeException e) {
            return SYSTEM;
        }
    }
}
