package se.iop.persistence;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

import java.util.concurrent.Callable;

/**
 * Test only: runs a piece of work in one transaction with the ADMIN role, as an in-container test
 * has no logged-in user to call the services' @RolesAllowed methods with.
 */
@Stateless
@PermitAll
@RunAs("ADMIN")
public class AsAdmin {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
