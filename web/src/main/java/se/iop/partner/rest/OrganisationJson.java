package se.iop.partner.rest;

import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Contact;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;

import java.util.List;

/** An organisation as the API shows it. */
public record OrganisationJson(Long id, long version, String name, String organisationNumber, OrganisationKind kind,
                               String address, String email, String phone, boolean active,
                               List<CommitteeJson> committees, List<ContactJson> contacts) {

    /** The version is the one to send in If-Match when renaming or deactivating the committee. */
    public record CommitteeJson(Long id, long version, String name, boolean active) {
        public static CommitteeJson of(Committee c) {
            return new CommitteeJson(c.id(), c.version(), c.name(), c.active());
        }
    }

    public record ContactJson(Long id, String name, String role, String email, String phone) {
        static ContactJson of(Contact c) {
            return new ContactJson(c.id(), c.name(), c.role(), c.email(), c.phone());
        }
    }

    /** Without committees and contacts, for lists. */
    public static OrganisationJson brief(Organisation o) {
        return new OrganisationJson(o.id(), o.version(), o.name(), o.organisationNumber().value(), o.kind(),
                o.address(), o.email(), o.phone(), o.active(), null, null);
    }

    public static OrganisationJson of(Organisation o) {
        return new OrganisationJson(o.id(), o.version(), o.name(), o.organisationNumber().value(), o.kind(),
                o.address(), o.email(), o.phone(), o.active(),
                o.committees().stream().map(CommitteeJson::of).toList(),
                o.contacts().stream().map(ContactJson::of).toList());
    }
}
