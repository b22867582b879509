package se.iop.partner.view;

import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.io.Serializable;

/**
 * One row of the register's table. The table's model keeps the page it shows in the view-scoped bean, which a
 * cluster writes to the other node with the session: a small record rather than the entity with its collections.
 * The accessors have the entity's names, so the page reads it the same way.
 */
public record OrganisationRow(Long id, String name, OrganisationNumber organisationNumber, OrganisationKind kind,
                              boolean active) implements Serializable {

    static OrganisationRow of(Organisation o) {
        return new OrganisationRow(o.id(), o.name(), o.organisationNumber(), o.kind(), o.active());
    }
}
