package se.iop.landlord.boundary;

import se.iop.common.Text;
import se.iop.landlord.entity.LandlordKind;

/**
 * A search in the landlord register: free text (name, organisation number, address, contact),
 * kind, whether to include the deactivated, only those offering flats, only those without an
 * e-mail address (who cannot get a packet), and a page.
 */
public record LandlordQuery(String text, LandlordKind kind, boolean includeInactive, boolean withFlats,
                            boolean withoutAddress, int first, int max) {

    public LandlordQuery {
        text = Text.searchTerm("q", text);
    }

    public static LandlordQuery all() {
        return new LandlordQuery(null, null, false, false, false, 0, 1000);
    }
}
