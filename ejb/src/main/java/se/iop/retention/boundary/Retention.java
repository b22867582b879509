package se.iop.retention.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import se.iop.account.boundary.Caller;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StaleVersion;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.retention.boundary.RetentionRecords.Act;
import se.iop.retention.boundary.RetentionRecords.ActDetail;
import se.iop.retention.boundary.RetentionRecords.Disposed;
import se.iop.retention.boundary.RetentionRecords.Due;
import se.iop.retention.boundary.RetentionRecords.Hold;
import se.iop.retention.boundary.RetentionRecords.Item;
import se.iop.retention.boundary.RetentionRecords.PlanEntry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Retention and disposal (gallring): the document plan per document type, the items whose content the plan lets
 * go now, legal holds on agreements, and disposal as one act that removes the content (an attachment's bytes, a
 * report's narrative, the text of a contact need or a note), in the current rows and in their Envers history, and
 * keeps each record's existence with a disposal record. Nothing of the registration entries (the diary) is touched.
 */
@Stateless
@RolesAllowed("ADMIN")
public class Retention {

    /** What a disposed text reads afterwards, where the column may not be empty. */
    static final String DISPOSED = "Gallrad";
    static final Set<String> TYPES = Set.of("AGREEMENT", "COMMITTEE_DECISION", "ACTIVITY_REPORT", "REPORT_ATTACHMENT",
            "FIDELITY_ATTACHMENT", "CONTACT_NEED", "CONTACT_NOTE");
    /** Kept for good: the agreement and the decisions are what the archive is for. */
    static final Set<String> PERMANENT_ONLY = Set.of("AGREEMENT", "COMMITTEE_DECISION");
    /** Belong to a landlord, not to an agreement. */
    static final Set<String> WITHOUT_AGREEMENT = Set.of("CONTACT_NEED", "CONTACT_NOTE");
    static final List<String> RETENTIONS = List.of("PERMANENT", "AFTER_AGREEMENT_END", "AFTER_CREATION");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @RolesAllowed({"ADMIN", "AUDITOR"})
    public List<PlanEntry> plan() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select document_type, retention, years, version, changed_by, changed_at from document_plan
                 order by array_position(array['AGREEMENT', 'COMMITTEE_DECISION', 'ACTIVITY_REPORT', 'REPORT_ATTACHMENT',
                                               'CONTACT_NEED', 'CONTACT_NOTE']::varchar[], document_type), document_type""")
                .getResultList();
        return rows.stream().map(r -> new PlanEntry((String) r[0], (String) r[1], r[2] == null ? null : ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), (String) r[4], instant(r[5]), allowedRetentions((String) r[0]))).toList();
    }

    /** The retentions a document type may be given: the rules {@link #changePlan} holds, for a page to offer only those. */
    static List<String> allowedRetentions(String documentType) {
        if (PERMANENT_ONLY.contains(documentType)) {
            return List.of("PERMANENT");
        }
        return RETENTIONS.stream().filter(r -> !("AFTER_AGREEMENT_END".equals(r) && WITHOUT_AGREEMENT.contains(documentType))).toList();
    }

    /** Changes one type's retention; {@code version} is the one read (409 when someone changed it since). */
    public PlanEntry changePlan(String documentType, String retention, Integer years, Long version) {
        if (documentType == null || !TYPES.contains(documentType)) {
            throw new NotFound("documentType");
        }
        if (retention == null || !RETENTIONS.contains(retention)) {
            throw new InvalidInput("retention", "error.retention.retention");
        }
        if (!"PERMANENT".equals(retention) && PERMANENT_ONLY.contains(documentType)) {
            throw new InvalidInput("retention", "error.retention.permanentOnly");
        }
        if ("AFTER_AGREEMENT_END".equals(retention) && WITHOUT_AGREEMENT.contains(documentType)) {
            throw new InvalidInput("retention", "error.retention.noAgreement");
        }
        Integer kept = "PERMANENT".equals(retention) ? null : years;
        if (!"PERMANENT".equals(retention) && (years == null || years < 0 || years > 100)) {
            throw new InvalidInput("years", "error.retention.years");
        }
        if (version == null) {
            throw new InvalidInput("version", "error.retention.version");
        }
        int n = update("""
                update document_plan set retention = ?2, years = ?3, version = version + 1, changed_by = ?4, changed_at = now()
                 where document_type = ?1 and version = ?5""", documentType, retention, kept, caller.username(), version);
        if (n == 0) {
            throw new StaleVersion();
        }
        return plan().stream().filter(p -> p.documentType().equals(documentType)).findFirst().orElseThrow();
    }

    /** What disposal would remove now, under a hold or not, oldest due first. */
    @RolesAllowed({"ADMIN", "AUDITOR"})
    public List<Due> preview() {
        return due(Days.today());
    }

    @RolesAllowed({"ADMIN", "AUDITOR"})
    public List<Hold> holds() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select h.agreement_id, h.reason, h.placed_by, h.placed_at, a.reference, a.title
                  from legal_hold h join agreement a on a.id = h.agreement_id order by h.agreement_id""").getResultList();
        return rows.stream().map(r -> new Hold(((Number) r[0]).longValue(), (String) r[1], (String) r[2], instant(r[3]),
                (String) r[4], (String) r[5])).toList();
    }

    /** Places (or re-words) a legal hold on an agreement. */
    public Hold placeHold(long agreementId, String reason) {
        String why = Text.required("reason", reason, 1000);
        lockAgreements(List.of(agreementId));
        if (em.createNativeQuery("select 1 from agreement where id = ?1").setParameter(1, agreementId).getResultList().isEmpty()) {
            throw new NotFound("agreement");
        }
        update("""
                insert into legal_hold (agreement_id, reason, placed_by, placed_at) values (?1, ?2, ?3, now())
                on conflict (agreement_id) do update set reason = excluded.reason, placed_by = excluded.placed_by, placed_at = excluded.placed_at""",
                agreementId, why, caller.username());
        return holds().stream().filter(h -> h.agreementId() == agreementId).findFirst().orElseThrow();
    }

    /** Lifts the hold; lifting one that is not there changes nothing. */
    public void liftHold(long agreementId) {
        lockAgreements(List.of(agreementId));
        update("delete from legal_hold where agreement_id = ?1", agreementId);
    }

    /**
     * Disposes of the items named, as one act: every one must be due now and none under a legal hold, or nothing is
     * done (422 naming {@code items} for one not due, 409 for one under hold).
     */
    public Act dispose(List<Item> items) {
        if (items == null || items.isEmpty() || items.stream().anyMatch(i -> i == null || i.documentType() == null)) {
            throw new InvalidInput("items", "error.retention.noItems");
        }
        // Lock the agreements concerned first, so a hold placed meanwhile waits for this act or stops it.
        List<Due> dueNow = due(Days.today());
        Map<String, Due> byKey = new LinkedHashMap<>();
        dueNow.forEach(d -> byKey.put(d.documentType() + " " + d.recordId(), d));
        List<Long> agreements = items.stream().map(i -> byKey.get(i.documentType() + " " + i.recordId()))
                .filter(d -> d != null && d.agreementId() != null).map(Due::agreementId).distinct().sorted().toList();
        lockAgreements(agreements);
        Set<Long> held = Set.copyOf(holds().stream().map(Hold::agreementId).toList());
        List<Due> chosen = new ArrayList<>();
        for (Item i : items) {
            Due d = i == null ? null : byKey.get(i.documentType() + " " + i.recordId());
            if (d == null) {
                throw new InvalidInput("items", "error.retention.notDue",
                        i == null ? "–" : i.documentType(), i == null ? "–" : Long.toString(i.recordId()));
            }
            if (d.agreementId() != null && held.contains(d.agreementId())) {
                throw new StateConflict("items", "error.retention.held", Long.toString(d.agreementId()));
            }
            if (!chosen.contains(d)) {
                chosen.add(d);
            }
        }
        Map<String, Integer> perType = new TreeMap<>();
        chosen.forEach(d -> perType.merge(d.documentType(), 1, Integer::sum));
        String summary = Act.summarise(perType);
        long actId = ((Number) em.createNativeQuery("""
                insert into disposal_act (disposed_by, disposed_at, items, summary) values (?1, now(), ?2, ?3) returning id""")
                .setParameter(1, caller.username()).setParameter(2, chosen.size()).setParameter(3, summary).getSingleResult()).longValue();
        for (Due d : chosen) {
            removeContent(d);
            update("insert into disposal (act_id, document_type, record_id, agreement_id, due_on) values (?1, ?2, ?3, ?4, ?5)",
                    actId, d.documentType(), d.recordId(), d.agreementId(), d.dueOn());
        }
        return acts().stream().filter(a -> a.id() == actId).findFirst().orElseThrow();
    }

    @RolesAllowed({"ADMIN", "AUDITOR"})
    public List<Act> acts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, disposed_by, disposed_at, items, summary from disposal_act order by id desc""").setMaxResults(1000).getResultList();
        return rows.stream().map(r -> new Act(((Number) r[0]).longValue(), (String) r[1], instant(r[2]), ((Number) r[3]).intValue(),
                (String) r[4])).toList();
    }

    /** One act with what it disposed of, item by item (404 when there is no such act). */
    @RolesAllowed({"ADMIN", "AUDITOR"})
    public ActDetail act(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, disposed_by, disposed_at, items, summary from disposal_act where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("disposal");
        }
        Object[] r = rows.get(0);
        Act act = new Act(((Number) r[0]).longValue(), (String) r[1], instant(r[2]), ((Number) r[3]).intValue(), (String) r[4]);
        @SuppressWarnings("unchecked")
        List<Object[]> items = em.createNativeQuery("""
                select d.document_type, d.record_id, d.agreement_id, a.reference, d.due_on
                  from disposal d left join agreement a on a.id = d.agreement_id
                 where d.act_id = ?1 order by d.document_type, d.record_id""").setParameter(1, id).getResultList();
        return new ActDetail(act, items.stream().map(i -> new Disposed((String) i[0], ((Number) i[1]).longValue(),
                i[2] == null ? null : ((Number) i[2]).longValue(), (String) i[3], localDate(i[4]))).toList());
    }

    /** The content goes, in the row and in the history Envers keeps of it; the row itself stays. */
    private void removeContent(Due d) {
        long id = d.recordId();
        switch (d.documentType()) {
            case "ACTIVITY_REPORT" -> {
                update("update activity_report set narrative = null, narrative_disposed_at = now() where id = ?1", id);
                update("update activity_report_aud set narrative = null where id = ?1", id);
            }
            case "REPORT_ATTACHMENT" -> disposeAttachment("report_attachment", id);
            case "FIDELITY_ATTACHMENT" -> disposeAttachment("fidelity_attachment", id);
            case "CONTACT_NEED" -> {
                update("update contact_need set description = ?2, handled_note = null, disposed_at = now() where id = ?1", id, DISPOSED);
                update("update contact_need_aud set description = ?2, handled_note = null where id = ?1", id, DISPOSED);
            }
            case "CONTACT_NOTE" -> {
                update("update landlord_contact_note set text = ?2, disposed_at = now() where id = ?1", id, DISPOSED);
                update("update landlord_contact_note_aud set text = ?2 where id = ?1", id, DISPOSED);
            }
            default -> throw new IllegalStateException("No disposal for " + d.documentType());
        }
    }

    /** An attachment of any kind: its bytes emptied (the history keeps none), its row marked as disposed of. */
    private void disposeAttachment(String table, long id) {
        update("update attachment_content set bytes = decode('', 'hex') where id = (select content_id from " + table
                + " where id = ?1)", id);
        update("update " + table + " set disposed_at = now() where id = ?1", id);
    }

    private List<Due> due(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with ended as (
                    select id, coalesce(closed_on, end_date) as ended_on from agreement
                     where status in ('ENDED', 'TERMINATED') and coalesce(closed_on, end_date) is not null),
                c as (
                    select 'ACTIVITY_REPORT' as t, r.id, r.agreement_id, coalesce(r.submitted_on, r.period_end) as created_on, e.ended_on,
                           o.name as subject
                      from activity_report r join organisation o on o.id = r.partner_id left join ended e on e.id = r.agreement_id
                     where r.narrative is not null and r.narrative_disposed_at is null
                    union all
                    select 'REPORT_ATTACHMENT', a.id, r.agreement_id, cast(a.uploaded_at at time zone 'Europe/Stockholm' as date), e.ended_on,
                           a.filename
                      from report_attachment a join activity_report r on r.id = a.report_id left join ended e on e.id = r.agreement_id
                     where a.disposed_at is null
                    union all
                    select 'FIDELITY_ATTACHMENT', a.id, f.agreement_id, cast(a.uploaded_at at time zone 'Europe/Stockholm' as date), e.ended_on,
                           a.filename
                      from fidelity_attachment a join fidelity_assessment f on f.id = a.assessment_id left join ended e on e.id = f.agreement_id
                     where a.disposed_at is null
                    union all
                    select 'CONTACT_NEED', n.id, null, cast(n.reported_at at time zone 'Europe/Stockholm' as date), null,
                           coalesce(lo.name, l.person_name)
                      from contact_need n join landlord l on l.id = n.landlord_id left join organisation lo on lo.id = l.organisation_id
                     where n.disposed_at is null
                    union all
                    select 'CONTACT_NOTE', n.id, null, cast(n.written_at at time zone 'Europe/Stockholm' as date), null,
                           coalesce(lo.name, l.person_name) || ', ' || lc.name
                      from landlord_contact_note n join landlord_contact lc on lc.id = n.contact_id join landlord l on l.id = lc.landlord_id
                      left join organisation lo on lo.id = l.organisation_id
                     where n.disposed_at is null)
                select c.t, c.id, c.agreement_id, d.due_on, h.agreement_id is not null as held, ag.reference, c.subject, c.created_on
                  from c join document_plan p on p.document_type = c.t and p.retention <> 'PERMANENT'
                 cross join lateral (select cast((case when p.retention = 'AFTER_CREATION' then c.created_on else c.ended_on end)
                                                 + make_interval(years => p.years) as date) as due_on) d
                  left join legal_hold h on h.agreement_id = c.agreement_id
                  left join agreement ag on ag.id = c.agreement_id
                 where d.due_on <= ?1
                 order by d.due_on, c.t, c.id""").setParameter(1, today).getResultList();
        return rows.stream().map(r -> new Due((String) r[0], ((Number) r[1]).longValue(),
                r[2] == null ? null : ((Number) r[2]).longValue(), localDate(r[3]), (Boolean) r[4], (String) r[5], (String) r[6],
                localDate(r[7]))).toList();
    }

    private void lockAgreements(List<Long> ids) {
        for (long id : ids.stream().sorted().toList()) {
            em.createNativeQuery("select id from agreement where id = ?1 for update").setParameter(1, id).getResultList();
        }
    }

    private int update(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Not a moment: " + o.getClass());
    }

    private static LocalDate localDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("Not a date: " + o);
    }
}
