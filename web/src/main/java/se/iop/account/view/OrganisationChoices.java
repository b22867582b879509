package se.iop.account.view;

import se.iop.landlord.boundary.LandlordQuery;
import se.iop.landlord.boundary.LandlordSummary;
import se.iop.landlord.boundary.Landlords;
import se.iop.landlord.entity.LandlordKind;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import se.iop.account.entity.Role;
import se.iop.partner.boundary.OrganisationQuery;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.web.Ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The organisations an account can belong to, for a form's choice: non-profits and landlords, grouped by kind;
 * and the private landlords a landlord user may speak for instead.
 * Deactivated ones are listed too (and say so), so that an account bound to one can still be edited.
 */
final class OrganisationChoices {

    private OrganisationChoices() {
    }

    static List<SelectItem> of(Organisations organisations, Ui ui) {
        List<SelectItem> choices = new ArrayList<>();
        for (OrganisationKind kind : Role.organisationKinds()) {
            List<SelectItem> items = new ArrayList<>();
            for (Organisation o : organisations.search(new OrganisationQuery(null, kind, true, "name", true, 0, 1000))) {
                items.add(new SelectItem(o.id(), o.active() ? o.name() : ui.text("account.inactiveOrganisation", o.name())));
            }
            if (!items.isEmpty()) {
                choices.add(new SelectItemGroup(ui.text("agreement.orgKind." + kind), null, false,
                        items.toArray(SelectItem[]::new)));
            }
        }
        return choices;
    }

    /** The private landlords a landlord user can speak for; deactivated ones too (and say so), as organisations. */
    static List<SelectItem> privateLandlords(Landlords landlords, Ui ui) {
        List<SelectItem> choices = new ArrayList<>();
        for (LandlordSummary l : landlords.search(new LandlordQuery(null, LandlordKind.PERSON, true, false, false, 0, 1000))) {
            choices.add(new SelectItem(l.id(), l.active() ? l.name() : ui.text("account.inactiveOrganisation", l.name())));
        }
        return choices;
    }
}
