package se.iop.account.boundary;

import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * The entity listener of accounts, API tokens and identity links: any change written to one ends what
 * {@link CallerCache} kept (a bulk update, such as a token's last use, is no change of who may do what and is not seen).
 */
public class CallerChanges {

    @Inject
    private CallerCache cache;

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        cache.changed();
    }
}
