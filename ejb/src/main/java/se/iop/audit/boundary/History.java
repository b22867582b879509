package se.iop.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.criteria.AuditCriterion;
import se.iop.account.entity.Account;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.audit.entity.Revision;
import se.iop.landlord.entity.ContactNote;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordContact;
import se.iop.landlord.entity.OfferedFlat;
import se.iop.landlord.entity.PacketSection;
import se.iop.landlord.entity.PacketVersion;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Contact;
import se.iop.partner.entity.Organisation;
import se.iop.report.entity.ActivityReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The history of every change, read from the audit tables Envers keeps: for an agreement its own
 * fields and its parties, decisions and amendments; for an organisation, its committees and contacts;
 * for a landlord, its contacts, notes and flats; for a packet version, its sections.
 */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class History {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    public List<Change> ofAgreement(long id) {
        AuditReader reader = AuditReaderFactory.get(em);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(reader, Agreement.class, AuditEntity.id().eq(id), "agreement", Agreement::title, Agreement::snapshot, Agreement::id));
        AuditCriterion children = AuditEntity.relatedId("agreement").eq(id);
        changes.addAll(changes(reader, AgreementParty.class, children, "party", p -> p.organisation().name(), AgreementParty::snapshot, AgreementParty::id));
        changes.addAll(changes(reader, CommitteeDecision.class, children, "decision", d -> d.committee().name(), CommitteeDecision::snapshot, CommitteeDecision::id));
        changes.addAll(changes(reader, Amendment.class, children, "amendment", Amendment::description, Amendment::snapshot, Amendment::id));
        return newestFirst(changes);
    }

    public List<Change> ofOrganisation(long id) {
        AuditReader reader = AuditReaderFactory.get(em);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(reader, Organisation.class, AuditEntity.id().eq(id), "organisation", Organisation::name, Organisation::snapshot, Organisation::id));
        AuditCriterion children = AuditEntity.relatedId("organisation").eq(id);
        changes.addAll(changes(reader, Committee.class, children, "committee", Committee::name,
                c -> snapshotOf("name", c.name(), "active", c.active()), Committee::id));
        changes.addAll(changes(reader, Contact.class, children, "contact", Contact::name,
                c -> snapshotOf("name", c.name(), "role", c.role(), "email", c.email(), "phone", c.phone()), Contact::id));
        return newestFirst(changes);
    }

    /** A landlord's own fields, its contacts with the notes on them, and the flats it offers. */
    public List<Change> ofLandlord(long id) {
        AuditReader reader = AuditReaderFactory.get(em);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(reader, Landlord.class, AuditEntity.id().eq(id), "landlord", Landlord::name, Landlord::snapshot, Landlord::id));
        AuditCriterion children = AuditEntity.relatedId("landlord").eq(id);
        changes.addAll(changes(reader, LandlordContact.class, children, "contact", LandlordContact::name,
                c -> snapshotOf("name", c.name(), "role", c.role(), "email", c.email(), "phone", c.phone()), LandlordContact::id));
        // Notes hang on contacts, also on contacts removed since.
        List<?> contactIds = reader.createQuery().forRevisionsOfEntity(LandlordContact.class, true, true)
                .add(children).addProjection(AuditEntity.id().distinct()).getResultList();
        if (!contactIds.isEmpty()) {
            changes.addAll(changes(reader, ContactNote.class, AuditEntity.relatedId("contact").in(contactIds.toArray()), "note",
                    n -> shortened(n.text()), n -> snapshotOf("text", n.text()), ContactNote::id));
        }
        changes.addAll(changes(reader, OfferedFlat.class, children, "flat", OfferedFlat::address,
                f -> snapshotOf("address", f.address(), "areaSqm", f.areaSqm(), "rooms", f.rooms(), "availableFrom", f.availableFrom(),
                        "stage", f.stage(), "stageOn", f.stageOn()),
                OfferedFlat::id));
        return newestFirst(changes);
    }

    /** One packet version: its status, title and publication, and each of its sections. */
    public List<Change> ofPacketVersion(long versionId) {
        AuditReader reader = AuditReaderFactory.get(em);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(reader, PacketVersion.class, AuditEntity.id().eq(versionId), "version", PacketVersion::title,
                PacketVersion::snapshot, PacketVersion::id));
        changes.addAll(changes(reader, PacketSection.class, AuditEntity.relatedId("packetVersion").eq(versionId), "section",
                PacketSection::heading, s -> snapshotOf("position", s.position(), "heading", s.heading(), "body", s.body(),
                        "headingEn", s.headingEn(), "bodyEn", s.bodyEn()), PacketSection::id));
        return newestFirst(changes);
    }

    /**
     * An activity report's text, counts, costs, status and review comment. Counts under three are shown as "&lt; 3"
     * to auditors, as on the report itself; administrators see them exactly.
     */
    public List<Change> ofReport(long id) {
        AuditReader reader = AuditReaderFactory.get(em);
        boolean exact = context.isCallerInRole("ADMIN");
        return newestFirst(changes(reader, ActivityReport.class, AuditEntity.id().eq(id), "report", r -> r.period().code(),
                r -> r.snapshot(exact), ActivityReport::id));
    }

    public List<Change> ofAccount(long id) {
        AuditReader reader = AuditReaderFactory.get(em);
        return newestFirst(changes(reader, Account.class, AuditEntity.id().eq(id), "account", Account::username, Account::snapshot, Account::id));
    }

    private static List<Change> newestFirst(List<Change> changes) {
        changes.sort(Comparator.comparingLong(Change::revision).reversed());
        return changes;
    }

    /** Each revision of each matching entity, compared field by field with that entity's previous revision. */
    private static <T> List<Change> changes(AuditReader reader, Class<T> type, AuditCriterion criterion, String subject,
                                           Function<T, String> name, Function<T, Map<String, Object>> snapshot,
                                           Function<T, Long> idOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = reader.createQuery().forRevisionsOfEntity(type, false, true)
                .add(criterion)
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        // Within a revision (one transaction, e.g. an agreement made with two parties) by id: the database gives
        // rows of equal revision in whatever order its plan yields, which changed after a restore (BackupRestoreIT).
        rows = new ArrayList<>(rows);
        rows.sort(Comparator.<Object[]>comparingLong(r -> ((Revision) r[1]).id()).thenComparing(r -> idOf.apply(type.cast(r[0]))));
        Map<Long, Map<String, Object>> previous = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Object[] row : rows) {
            T entity = type.cast(row[0]);
            Revision revision = (Revision) row[1];
            RevisionType revType = (RevisionType) row[2];
            Map<String, Object> now = snapshot.apply(entity);
            Map<String, Object> before = previous.getOrDefault(idOf.apply(entity), Map.of());
            List<Change.FieldChange> fields = new ArrayList<>();
            for (Map.Entry<String, Object> e : now.entrySet()) {
                String old = text(before.get(e.getKey()));
                String neu = revType == RevisionType.DEL ? null : text(e.getValue());
                if (!Objects.equals(old, neu)) {
                    fields.add(new Change.FieldChange(e.getKey(), old, neu));
                }
            }
            previous.put(idOf.apply(entity), revType == RevisionType.DEL ? Map.of() : now);
            if (fields.isEmpty() && revType == RevisionType.MOD) {
                continue; // e.g. only a version or an unaudited column moved
            }
            changes.add(new Change(revision.id(), revision.changedAt(), revision.username(), subject, name.apply(entity),
                    kind(revType), fields));
        }
        return changes;
    }

    private static Change.Kind kind(RevisionType type) {
        return switch (type) {
            case ADD -> Change.Kind.CREATED;
            case MOD -> Change.Kind.CHANGED;
            case DEL -> Change.Kind.REMOVED;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A long text named by its beginning. */
    private static String shortened(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 59).strip() + "…";
    }

    private static Map<String, Object> snapshotOf(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
