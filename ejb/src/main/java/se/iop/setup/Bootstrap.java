package se.iop.setup;

import se.iop.common.Settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.entity.Account;
import se.iop.account.entity.PasswordHash;
import se.iop.account.entity.Role;

import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * First start: creates the first administrator, with the password from {@code IOP_ADMIN_PASSWORD}
 * or a generated one printed once to the log; then, where asked, the Nyköping demo.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DemoData demo;

    @Inject
    private DemoIdentities identities;

    @PostConstruct
    void start() {
        long accounts = em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
        if (accounts == 0) {
            createFirstAdmin();
        }
        if (Settings.flag("iop.demo", "IOP_DEMO", false)) {
            demo.loadIfEmpty();
            identities.linkIfMissing();
        }
    }

    private void createFirstAdmin() {
        String given = Settings.text("iop.admin.password", "IOP_ADMIN_PASSWORD").orElse(null);
        String password = given != null ? given : PasswordHash.generatePassword();
        Account admin = new Account("admin", "Administratör", password.toCharArray());
        admin.grant(EnumSet.of(Role.ADMIN), null);
        em.persist(admin);
        if (given == null) {
            // Printed once, on the very first start; the hash is all that is stored.
            LOG.warning("First administrator created: user 'admin', password '" + password
                    + "'. Change it after logging in; it is not shown again.");
        } else {
            LOG.info("First administrator 'admin' created with the password from IOP_ADMIN_PASSWORD.");
        }
    }
}
