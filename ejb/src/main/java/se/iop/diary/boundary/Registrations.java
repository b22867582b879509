package se.iop.diary.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;
import se.iop.account.boundary.Caller;
import se.iop.common.Days;
import se.iop.common.NotFound;
import se.iop.common.Settings;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.diary.control.DiaryBackfill;
import se.iop.diary.control.DiaryCsv;
import se.iop.diary.control.DiaryFormat;
import se.iop.diary.control.Registration;
import se.iop.diary.entity.Direction;
import se.iop.diary.entity.DocumentKind;
import se.iop.diary.entity.RegistryEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * The diary (diarium): registers documents as the application makes, receives or sends them — in the same
 * transaction, so a document is never stored without its entry nor an entry without its document — and lets
 * the public search it without a login, administrators and auditors read it whole, and administrators mark an
 * entry secret. Numbers come from one counter row per (prefix, year), locked while the registering
 * transaction runs, so two registrations at once get distinct numbers, and a number is never given twice.
 */
@Stateless
public class Registrations {

    /** Whom to ask for a registered document: {@code IOP_DIARY_REQUEST_CONTACT}. */
    public static String requestContact() {
        return Settings.text("iop.diary.requestContact", "IOP_DIARY_REQUEST_CONTACT")
                .orElse("Kommunens registrator, registrator@example.se");
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /**
     * Registers a document in the default series (documents of no committee), with a counterpart that may be
     * shown publicly. Returns its entry; a document already registered keeps the entry it has.
     */
    @PermitAll
    public DiaryEntry register(DocumentKind kind, long documentId, Direction direction, String counterpart,
                               String description, LocalDate date) {
        return register(new Registration(kind, documentId, direction, null, counterpart, false, description, date));
    }

    /** Registers a document (see {@link Registration}'s factories); a document already registered keeps its entry. */
    @PermitAll
    public DiaryEntry register(Registration r) {
        Optional<RegistryEntry> existing = entry(r.kind(), r.documentId());
        if (existing.isPresent()) {
            return DiaryEntry.of(existing.get());
        }
        DiaryFormat format = DiaryFormat.configured();
        LocalDate today = Days.today();
        String prefix = format.prefixFor(r.committee());
        int sequence = ((Number) em.createNativeQuery("select diary_next_number(:prefix, :year)")
                .setParameter("prefix", prefix).setParameter("year", today.getYear()).getSingleResult()).intValue();
        String number = format.number(prefix, today.getYear(), sequence);
        RegistryEntry e = new RegistryEntry(number, prefix, sequence, r.kind(), r.documentId(), r.direction(),
                r.counterpart(), r.counterpartPrivate(), r.description(), r.date(), today, Instant.now(),
                caller.username());
        em.persist(e);
        try {
            em.flush();
        } catch (PersistenceException failure) {
            // Only a pattern changed since earlier numbers were given can write one of them again: refused.
            throw new StateConflict("number", "error.diary.numberTaken", number);
        }
        return DiaryEntry.of(e);
    }

    /** The entry of a document, if it is registered. */
    @PermitAll
    public Optional<DiaryEntry> of(DocumentKind kind, long documentId) {
        return entry(kind, documentId).map(DiaryEntry::of);
    }

    /** The registration numbers of these documents of a kind, by document id (those registered), in one query. */
    @PermitAll
    public Map<Long, String> numbers(DocumentKind kind, Collection<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> numbers = new HashMap<>();
        em.createQuery("select e.documentId, e.number from RegistryEntry e where e.documentKind = :kind"
                        + " and e.documentId in :ids", Object[].class)
                .setParameter("kind", kind).setParameter("ids", documentIds).getResultList()
                .forEach(row -> numbers.put((Long) row[0], (String) row[1]));
        return numbers;
    }

    private Optional<RegistryEntry> entry(DocumentKind kind, long documentId) {
        return em.createQuery("select e from RegistryEntry e where e.documentKind = :kind and e.documentId = :id",
                        RegistryEntry.class).setParameter("kind", kind).setParameter("id", documentId)
                .getResultStream().findFirst();
    }

    /**
     * Registers every document that has none, in the order the migration does (the demo, loaded after the
     * migrations ran, is numbered by this). Returns how many it registered.
     */
    @PermitAll
    public int registerMissing() {
        DiaryFormat format = DiaryFormat.configured();
        int[] made = new int[1];
        em.flush();
        em.unwrap(Session.class).doWork(c -> made[0] = DiaryBackfill.registerMissing(c, format, "system"));
        return made[0];
    }

    @RolesAllowed({"ADMIN", "AUDITOR"})
    public DiaryEntry find(long id) {
        return DiaryEntry.of(stored(id));
    }

    private RegistryEntry stored(long id) {
        RegistryEntry e = em.find(RegistryEntry.class, id);
        if (e == null) {
            throw new NotFound("id");
        }
        return e;
    }

    /** The whole diary as the municipality's staff read it: every text searched, marked entries too. */
    @RolesAllowed({"ADMIN", "AUDITOR"})
    public DiaryPage<DiaryEntry> search(DiaryQuery q) {
        return page(q, false, DiaryEntry::of);
    }

    /**
     * The diary as anyone may read it: a secret entry's description and counterpart, and a private person's
     * name, are neither shown nor searched (a search for their words does not find the entry).
     */
    @PermitAll
    public DiaryPage<PublicEntry> publicSearch(DiaryQuery q) {
        String contact = requestContact();
        return page(q, true, e -> PublicEntry.of(e, contact));
    }

    /** The public diary's entries the search finds, at most {@value #CSV_MAX}, as CSV ({@link DiaryCsv}). */
    @PermitAll
    public byte[] publicCsv(DiaryQuery q) {
        String contact = requestContact();
        return DiaryCsv.render(page(q, true, e -> PublicEntry.of(e, contact), 0, CSV_MAX).entries());
    }

    public static final int CSV_MAX = 10_000;

    private <T> DiaryPage<T> page(DiaryQuery q, boolean publicView, Function<RegistryEntry, T> shown) {
        return page(q, publicView, shown, q.page() * q.size(), q.size());
    }

    private <T> DiaryPage<T> page(DiaryQuery q, boolean publicView, Function<RegistryEntry, T> shown, int first,
                                  int max) {
        Map<String, Object> p = new HashMap<>();
        String where = where(q, publicView, p);
        TypedQuery<Long> count = em.createQuery("select count(e) from RegistryEntry e" + where, Long.class);
        p.forEach(count::setParameter);
        TypedQuery<RegistryEntry> list = em.createQuery("select e from RegistryEntry e" + where
                + " order by e.documentDate desc, e.id desc", RegistryEntry.class);
        p.forEach(list::setParameter);
        List<T> entries = list.setFirstResult(first).setMaxResults(max).getResultList()
                .stream().map(shown).toList();
        return new DiaryPage<>(entries, count.getSingleResult(), q.page(), q.size());
    }

    private static String where(DiaryQuery q, boolean publicView, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (q.number() != null) {
            p.put("number", like(q.number()));
            w.append(" and lower(e.number) like :number");
        }
        if (q.from() != null) {
            p.put("from", q.from());
            w.append(" and e.documentDate >= :from");
        }
        if (q.to() != null) {
            p.put("to", q.to());
            w.append(" and e.documentDate <= :to");
        }
        // What the public may not read, it may not search either.
        String counterpart = publicView ? "(case when e.secret = false and e.counterpartPrivate = false"
                + " then lower(e.counterpart) end)" : "lower(e.counterpart)";
        String description = publicView ? "(case when e.secret = false then lower(e.description) end)"
                : "lower(e.description)";
        if (q.counterpart() != null) {
            p.put("counterpart", like(q.counterpart()));
            w.append(" and ").append(counterpart).append(" like :counterpart");
        }
        if (q.text() != null) {
            p.put("text", like(q.text()));
            w.append(" and (lower(e.number) like :text or ").append(description).append(" like :text or ")
                    .append(counterpart).append(" like :text");
            if (!publicView) {
                w.append(" or lower(coalesce(e.secrecyReason, '')) like :text");
            }
            w.append(")");
        }
        return w.toString();
    }

    private static String like(String term) {
        return "%" + term.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Marks an entry secret (sekretessmarkering) under an OSL provision, with the reason; audited. */
    @RolesAllowed("ADMIN")
    public DiaryEntry markSecret(long id, Long expectedVersion, String oslReference, String reason) {
        RegistryEntry e = stored(id);
        Versions.check(e.version(), expectedVersion);
        e.markSecret(oslReference, reason);
        return DiaryEntry.of(Versions.flushed(em, e));
    }

    /** Lifts an entry's secrecy marking; audited. */
    @RolesAllowed("ADMIN")
    public DiaryEntry liftSecrecy(long id, Long expectedVersion) {
        RegistryEntry e = stored(id);
        Versions.check(e.version(), expectedVersion);
        e.liftSecrecy();
        return DiaryEntry.of(Versions.flushed(em, e));
    }
}
