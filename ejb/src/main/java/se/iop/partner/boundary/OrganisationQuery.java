package se.iop.partner.boundary;

import se.iop.common.Text;
import se.iop.partner.entity.OrganisationKind;

/** A search in the organisation list: free text, kind, whether to include the deactivated, a page. */
public record OrganisationQuery(String text, OrganisationKind kind, boolean includeInactive,
                                String sortBy, boolean ascending, int first, int max) {

    public OrganisationQuery {
        text = Text.searchTerm("q", text);
    }

    public static OrganisationQuery all() {
        return new OrganisationQuery(null, null, false, "name", true, 0, 1000);
    }

    public static OrganisationQuery ofKind(OrganisationKind kind) {
        return new OrganisationQuery(null, kind, false, "name", true, 0, 1000);
    }
}
