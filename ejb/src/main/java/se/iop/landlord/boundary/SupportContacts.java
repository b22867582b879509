package se.iop.landlord.boundary;

import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.PartyRole;
import se.iop.landlord.entity.PacketVersion;
import se.iop.landlord.entity.SupportContact;
import se.iop.partner.entity.Contact;
import se.iop.partner.entity.Organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whom a landlord can turn to, from the partners of the packet's agreement: the non-profits that
 * support the tenant first, then the municipality; each organisation's contact people, or the
 * organisation itself where it has none.
 */
public final class SupportContacts {

    private SupportContacts() {
    }

    /** As published, or for a draft, as the agreement's partners stand today. */
    static List<SupportContact> of(PacketVersion v, LocalDate today) {
        return v.published() ? v.supportContacts() : current(v.packet().agreement(), today);
    }

    public static List<SupportContact> current(Agreement agreement, LocalDate today) {
        List<AgreementParty> parties = new ArrayList<>(agreement.parties().stream()
                .filter(p -> p.role() != PartyRole.ASSOCIATED && p.partOn(today))
                .toList());
        parties.sort(Comparator.comparing((AgreementParty p) -> p.role() == PartyRole.NON_PROFIT_PARTNER ? 0 : 1)
                .thenComparing(p -> p.organisation().name()));
        List<SupportContact> contacts = new ArrayList<>();
        for (AgreementParty p : parties) {
            Organisation o = p.organisation();
            if (o.contacts().isEmpty()) {
                contacts.add(new SupportContact(o.name(), o.name(), null, o.email(), o.phone()));
            }
            for (Contact c : o.contacts()) {
                contacts.add(new SupportContact(o.name(), c.name(), c.role(), c.email(), c.phone()));
            }
        }
        return contacts;
    }
}
