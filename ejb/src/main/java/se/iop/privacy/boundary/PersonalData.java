package se.iop.privacy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import se.iop.account.boundary.Caller;
import se.iop.account.entity.Account;
import se.iop.account.entity.PasswordHash;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.privacy.entity.PrivacyRequest;
import se.iop.privacy.entity.RequestKind;
import se.iop.privacy.entity.SubjectKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * GDPR requests about one person who is an organisation's contact, a landlord's contact, a private landlord or a
 * user account: the extract of every personal datum held (current rows and their Envers history), and its
 * erasure or pseudonymisation where no rule on public records requires keeping it. Both are one transaction and
 * leave an audit record ({@link PrivacyRequest}) that names the records by kind and id only.
 * <p>
 * The places are read and changed by SQL because the history tables Envers keeps ({@code *_aud}) hold old values
 * that no entity reaches. Who did something is a user name in the columns named {@code *_by}, in
 * {@code account.username} and in {@code revision.username}: those are found from the schema itself, so a table
 * added later with such a column is covered without a change here.
 */
@Stateless
@RolesAllowed("ADMIN")
public class PersonalData {

    static final String ERASED_NAME = "Raderad kontaktperson";
    static final String ERASED_LANDLORD = "Raderad hyresvärd";
    static final String ERASED_ADDRESS = "Raderad adress";
    static final String ERASED_USER = "Raderad användare";
    /** A domain that can never receive mail (RFC 2606), for the address columns that may not be empty. */
    static final String NOWHERE = "@raderad.invalid";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** Every personal datum held about the person, and an audit record of the request. */
    public Extract extract(PersonQuery query) {
        List<Subject> subjects = find(query);
        List<Extract.Section> sections = new ArrayList<>();
        for (Subject s : subjects) {
            sections.addAll(sectionsOf(s));
        }
        int rows = sections.stream().mapToInt(x -> x.rows().size()).sum();
        Instant now = Instant.now();
        PrivacyRequest r = record(RequestKind.EXTRACT, query, subjects,
                "sections " + sections.size() + ", rows " + rows, now);
        return new Extract(r.id(), now, names(subjects), sections);
    }

    /**
     * Removes or pseudonymises what is held about the person, in the current tables and in their history, and
     * keeps what a rule on public records requires (see the README, "GDPR requests"). Refused for the caller's
     * own account: the act would be recorded under the name it erases.
     */
    public Erasure erase(PersonQuery query) {
        List<Subject> subjects = find(query);
        String me = caller.username();
        for (Subject s : subjects) {
            if (s.kind() == SubjectKind.ACCOUNT && me.equals(usernameOf(s.id()))) {
                throw new StateConflict("id", "error.privacy.ownAccount");
            }
        }
        List<Erasure.Step> steps = new ArrayList<>();
        List<Erasure.Step> kept = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        for (Subject s : subjects) {
            switch (s.kind()) {
                case CONTACT -> eraseContact(s.id(), steps, kept);
                case LANDLORD_CONTACT -> eraseLandlordContact(s.id(), steps);
                case PRIVATE_LANDLORD -> erasePrivateLandlord(s.id(), steps, kept);
                case ACCOUNT -> {
                    eraseAccount(s.id(), me, steps, kept);
                    accounts.add(s.id());
                }
            }
        }
        // Through the entity last, after the SQL: its new history row holds the pseudonyms, its sessions end, and
        // what the nodes keep about callers is void once this commits.
        for (long id : accounts) {
            Account a = em.find(Account.class, id);
            a.deactivate();
            a.endSessions();
        }
        PrivacyRequest r = record(RequestKind.ERASURE, query, subjects, outcome(steps, kept), Instant.now());
        return new Erasure(r.id(), names(subjects), merged(steps), merged(kept));
    }

    /** The GDPR requests carried out, newest first: for administrators and auditors. */
    @RolesAllowed({"ADMIN", "AUDITOR"})
    public List<RequestInfo> requests() {
        return em.createQuery("select new se.iop.privacy.boundary.RequestInfo(r.id, r.kind, r.foundBy, r.subjects,"
                        + " r.outcome, r.requestedBy, r.requestedAt) from PrivacyRequest r order by r.requestedAt desc, r.id desc",
                RequestInfo.class).setMaxResults(1000).getResultList();
    }

    // ---- finding the person ----

    private List<Subject> find(PersonQuery q) {
        // Looked for, not stored: refused only for what the database cannot compare (a control character).
        String email = q == null ? null : Text.searchTerm("email", q.email());
        SubjectKind kind = q == null ? null : q.kind();
        Long id = q == null ? null : q.id();
        if (email == null && kind == null && id == null) {
            throw new InvalidInput("email", "error.privacy.nobody");
        }
        if (kind != null && id == null) {
            throw new InvalidInput("id", "error.privacy.idMissing");
        }
        if (id != null && kind == null) {
            throw new InvalidInput("kind", "error.privacy.kindMissing");
        }
        TreeSet<Subject> found = new TreeSet<>();
        if (email != null) {
            List<Subject> byEmail = byEmail(email);
            if (byEmail.isEmpty()) {
                throw new InvalidInput("email", "error.privacy.unknownEmail");
            }
            found.addAll(byEmail);
        }
        if (kind != null) {
            if (!exists(kind, id)) {
                throw new InvalidInput("id", "error.privacy.unknownRecord");
            }
            found.add(new Subject(kind, id));
        }
        // A private landlord is the person behind its contacts' and its accounts' records too.
        for (Subject s : List.copyOf(found)) {
            if (s.kind() == SubjectKind.PRIVATE_LANDLORD) {
                ids("select id from landlord_contact where landlord_id = ?1 union select id from landlord_contact_aud where landlord_id = ?1", s.id())
                        .forEach(c -> found.add(new Subject(SubjectKind.LANDLORD_CONTACT, c)));
                ids("select id from account where landlord_id = ?1 union select id from account_aud where landlord_id = ?1", s.id())
                        .forEach(a -> found.add(new Subject(SubjectKind.ACCOUNT, a)));
            }
        }
        return List.copyOf(found);
    }

    private List<Subject> byEmail(String email) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select 'CONTACT', id from contact where lower(email) = lower(?1)
                        union select 'CONTACT', id from contact_aud where lower(email) = lower(?1)
                        union select 'LANDLORD_CONTACT', id from landlord_contact where lower(email) = lower(?1)
                        union select 'LANDLORD_CONTACT', id from landlord_contact_aud where lower(email) = lower(?1)
                        union select 'LANDLORD_CONTACT', contact_id from packet_delivery where lower(email) = lower(?1)
                        union select 'ACCOUNT', id from account where lower(email) = lower(?1)
                        union select 'ACCOUNT', id from account_aud where lower(email) = lower(?1)
                        union select 'ACCOUNT', account_id from invitation where lower(email) = lower(?1)
                        union select 'ACCOUNT', account_id from invitation_aud where lower(email) = lower(?1)""")
                .setParameter(1, email).getResultList();
        return rows.stream().map(r -> new Subject(SubjectKind.valueOf((String) r[0]), ((Number) r[1]).longValue())).toList();
    }

    private boolean exists(SubjectKind kind, long id) {
        String sql = switch (kind) {
            case CONTACT -> "select 1 from contact where id = ?1 union select 1 from contact_aud where id = ?1";
            case LANDLORD_CONTACT -> "select 1 from landlord_contact where id = ?1 union select 1 from landlord_contact_aud where id = ?1";
            case PRIVATE_LANDLORD -> "select 1 from landlord where id = ?1 and kind = 'PERSON'";
            case ACCOUNT -> "select 1 from account where id = ?1";
        };
        return !em.createNativeQuery(sql).setParameter(1, id).getResultList().isEmpty();
    }

    // ---- the extract ----

    private List<Extract.Section> sectionsOf(Subject s) {
        long id = s.id();
        List<Extract.Section> out = new ArrayList<>();
        switch (s.kind()) {
            case CONTACT -> {
                section(out, "contact", "Kontaktperson hos en organisation", """
                        select c.id, o.name as organisation, c.name, c.role, c.email, c.phone
                          from contact c join organisation o on o.id = c.organisation_id where c.id = ?1""", id);
                section(out, "contact_aud", "Ändringshistorik för kontaktpersonen", """
                        select a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.name, a.role, a.email, a.phone
                          from contact_aud a join revision r on r.id = a.rev where a.id = ?1 order by a.rev""", id);
                section(out, "packet_support_contact", "Stödkontakt i publicerade informationspaket (skickade handlingar, bevaras)", """
                        select s.packet_version_id, v.title as packet, s.organisation_name, s.name, s.role, s.email, s.phone
                          from packet_support_contact s join packet_version v on v.id = s.packet_version_id
                         where """ + SUPPORT_CONTACT_OF + " order by s.packet_version_id, s.position", id);
            }
            case LANDLORD_CONTACT -> {
                section(out, "landlord_contact", "Kontaktperson hos en hyresvärd", """
                        select c.id, coalesce(o.name, l.person_name) as landlord, c.name, c.role, c.email, c.phone, c.erased_at
                          from landlord_contact c join landlord l on l.id = c.landlord_id
                          left join organisation o on o.id = l.organisation_id where c.id = ?1""", id);
                section(out, "landlord_contact_aud", "Ändringshistorik för hyresvärdens kontaktperson", """
                        select a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.name, a.role, a.email, a.phone
                          from landlord_contact_aud a join revision r on r.id = a.rev where a.id = ?1 order by a.rev""", id);
                section(out, "landlord_contact_note", "Anteckningar om kontaktpersonen", """
                        select n.id, n.written_at, n.written_by, n.text from landlord_contact_note n
                         where n.contact_id = ?1 order by n.id""", id);
                section(out, "landlord_contact_note_aud", "Ändringshistorik för anteckningarna", """
                        select a.id, a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.written_by, a.text
                          from landlord_contact_note_aud a join revision r on r.id = a.rev where a.contact_id = ?1
                         order by a.id, a.rev""", id);
                section(out, "packet_delivery", "Utskick av informationspaket till kontaktpersonen", """
                        select d.id, v.title as packet, v.number as packet_version, d.email, d.status, d.sent_at, d.opened_at,
                               d.acknowledged_at, d.acknowledged_by, d.failure_reason
                          from packet_delivery d join packet_version v on v.id = d.packet_version_id
                         where d.contact_id = ?1 order by d.id""", id);
            }
            case PRIVATE_LANDLORD -> {
                section(out, "landlord", "Privat hyresvärd", """
                        select id, person_name, address, active from landlord where id = ?1""", id);
                section(out, "landlord_aud", "Ändringshistorik för hyresvärden", """
                        select a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.person_name, a.address, a.active
                          from landlord_aud a join revision r on r.id = a.rev where a.id = ?1 order by a.rev""", id);
                section(out, "offered_flat", "Erbjudna lägenheter", """
                        select id, address, area_sqm, rooms, available_from from offered_flat where landlord_id = ?1 order by id""", id);
                section(out, "offered_flat_aud", "Ändringshistorik för lägenheterna", """
                        select a.id, a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.address, a.area_sqm, a.rooms, a.available_from
                          from offered_flat_aud a join revision r on r.id = a.rev where a.landlord_id = ?1 order by a.id, a.rev""", id);
                section(out, "contact_need", "Kontaktbehov som hyresvärden anmält (allmänna handlingar, bevaras)", """
                        select id, category, description, reported_at, reported_by, handled_at, handled_by, handled_note
                          from contact_need where landlord_id = ?1 order by id""", id);
                section(out, "contact_need_aud", "Ändringshistorik för kontaktbehoven", """
                        select a.id, a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.description, a.handled_note
                          from contact_need_aud a join revision r on r.id = a.rev where a.landlord_id = ?1 order by a.id, a.rev""", id);
            }
            case ACCOUNT -> {
                section(out, "account", "Användarkonto", """
                        select a.id, a.username, a.display_name, a.email, a.active,
                               coalesce(o.name, l.person_name) as acts_for,
                               (select string_agg(role, ', ' order by role) from account_role where account_id = a.id) as roles
                          from account a left join organisation o on o.id = a.organisation_id
                          left join landlord l on l.id = a.landlord_id where a.id = ?1""", id);
                section(out, "account_aud", "Ändringshistorik för kontot", """
                        select a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.username, a.display_name, a.email, a.active
                          from account_aud a join revision r on r.id = a.rev where a.id = ?1 order by a.rev""", id);
                section(out, "account_identity", "Kopplade inloggningar (e-legitimation m.m.)", """
                        select provider, subject_hash, linked_at, last_sign_in_at from account_identity
                         where account_id = ?1 order by provider""", id);
                section(out, "invitation", "Inbjudningar", """
                        select id, email, created_at, created_by, sent_at, expires_at, accepted_at, revoked_at
                          from invitation where account_id = ?1 order by id""", id);
                section(out, "invitation_aud", "Ändringshistorik för inbjudningarna", """
                        select a.id, a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype, a.email
                          from invitation_aud a join revision r on r.id = a.rev where a.account_id = ?1 order by a.id, a.rev""", id);
                section(out, "api_token", "API-nycklar (aldrig själva hemligheten)", """
                        select id, name, prefix, scope, created_at, expires_at, revoked_at, last_used_at
                          from api_token where account_id = ?1 order by id""", id);
                section(out, "api_token_aud", "Ändringshistorik för API-nycklarna", """
                        select a.id, a.rev as revision, to_timestamp(r.changed_at / 1000.0) as changed_at, a.revtype,
                               a.name, a.scope, a.revoked_at
                          from api_token_aud a join revision r on r.id = a.rev where a.account_id = ?1 order by a.id, a.rev""", id);
                section(out, "login_failure", "Misslyckade inloggningar", """
                        select f.failures, f.last_failure, f.blocked_until from login_failure f join account a on f.key = 'name:' || a.username
                         where a.id = ?1""", id);
                section(out, "idempotency_key", "Sparade svar på API-anrop", """
                        select method, path, created from idempotency_key where account_id = ?1 order by created""", id);
                String username = usernameOf(id);
                if (username != null) {
                    List<Map<String, String>> acts = new ArrayList<>();
                    for (String[] place : actorColumns()) {
                        Number n = (Number) em.createNativeQuery("select count(*) from " + place[0] + " where " + place[1] + " = ?1")
                                .setParameter(1, username).getSingleResult();
                        if (n.longValue() > 0) {
                            Map<String, String> row = new LinkedHashMap<>();
                            row.put("table", place[0]);
                            row.put("column", place[1]);
                            row.put("rows", Long.toString(n.longValue()));
                            row.put("username", username);
                            acts.add(row);
                        }
                    }
                    if (!acts.isEmpty()) {
                        out.add(new Extract.Section("acts", "Åtgärder i IOP där kontots användarnamn står som utförare", acts));
                    }
                }
            }
        }
        return out;
    }

    /** A published packet's support contact that was this organisation contact: by an e-mail or name it had. */
    private static final String SUPPORT_CONTACT_OF = """
            (lower(s.email) in (select lower(email) from contact where id = ?1 union select lower(email) from contact_aud where id = ?1)
               or (s.name, s.organisation_name) in (
                   select c.name, o.name from contact c join organisation o on o.id = c.organisation_id where c.id = ?1
                   union select c.name, o.name from contact_aud c join organisation o on o.id = c.organisation_id where c.id = ?1))""";

    private void section(List<Extract.Section> out, String place, String title, String sql, long id) {
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = em.createNativeQuery(sql, Tuple.class).setParameter(1, id).getResultList();
        if (tuples.isEmpty()) {
            return;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Tuple t : tuples) {
            Map<String, String> row = new LinkedHashMap<>();
            for (TupleElement<?> e : t.getElements()) {
                Object v = t.get(e);
                row.put(e.getAlias(), v == null ? null : v.toString());
            }
            rows.add(row);
        }
        out.add(new Extract.Section(place, title, rows));
    }

    // ---- erasure ----

    private void eraseContact(long id, List<Erasure.Step> steps, List<Erasure.Step> kept) {
        // Published packets are documents sent out: the support contact printed in them is kept as sent.
        kept.add(new Erasure.Step("packet_support_contact", "KEPT", count(
                "select count(*) from packet_support_contact s where " + SUPPORT_CONTACT_OF, id)));
        steps.add(new Erasure.Step("contact_aud", "ERASED", update("delete from contact_aud where id = ?1", id)));
        steps.add(new Erasure.Step("contact", "ERASED", update("delete from contact where id = ?1", id)));
    }

    private void eraseLandlordContact(long id, List<Erasure.Step> steps) {
        steps.add(new Erasure.Step("landlord_contact_note_aud", "ERASED",
                update("delete from landlord_contact_note_aud where contact_id = ?1", id)));
        steps.add(new Erasure.Step("landlord_contact_note", "ERASED",
                update("delete from landlord_contact_note where contact_id = ?1", id)));
        // The row stays: the deliveries of sent packets refer to it. Without an address no packet goes to it again.
        steps.add(new Erasure.Step("landlord_contact_aud", "PSEUDONYMISED", update(
                "update landlord_contact_aud set name = ?2, role = null, email = null, phone = null where id = ?1", id, ERASED_NAME)));
        steps.add(new Erasure.Step("landlord_contact", "PSEUDONYMISED", update(
                "update landlord_contact set name = ?2, role = null, email = null, phone = null, erased_at = now() where id = ?1",
                id, ERASED_NAME)));
        steps.add(new Erasure.Step("packet_delivery", "PSEUDONYMISED", update(
                "update packet_delivery set failure_reason = replace(failure_reason, email, ?2), email = ?2 where contact_id = ?1",
                id, "kontakt-" + id + NOWHERE)));
    }

    private void erasePrivateLandlord(long id, List<Erasure.Step> steps, List<Erasure.Step> kept) {
        // What the landlord reported are registered public documents: kept until the document plan disposes of them.
        kept.add(new Erasure.Step("contact_need", "KEPT", count("select count(*) from contact_need where landlord_id = ?1", id)));
        steps.add(new Erasure.Step("landlord_aud", "PSEUDONYMISED", update(
                "update landlord_aud set person_name = ?2, address = null where id = ?1", id, ERASED_LANDLORD)));
        steps.add(new Erasure.Step("landlord", "PSEUDONYMISED", update(
                "update landlord set person_name = ?2, address = null where id = ?1", id, ERASED_LANDLORD)));
        steps.add(new Erasure.Step("offered_flat_aud", "PSEUDONYMISED", update(
                "update offered_flat_aud set address = ?2 where landlord_id = ?1", id, ERASED_ADDRESS)));
        steps.add(new Erasure.Step("offered_flat", "PSEUDONYMISED", update(
                "update offered_flat set address = ?2 where landlord_id = ?1", id, ERASED_ADDRESS)));
    }

    private void eraseAccount(long id, String me, List<Erasure.Step> steps, List<Erasure.Step> kept) {
        String username = usernameOf(id);
        String pseudonym = "raderad-" + id;
        if (username != null) {
            // What the account did stays on record, under a name that no longer leads to the person.
            for (String[] place : actorColumns()) {
                int n = update("update " + place[0] + " set " + place[1] + " = ?2 where " + place[1] + " = ?1", username, pseudonym);
                if (n > 0) {
                    steps.add(new Erasure.Step(place[0] + "." + place[1], "PSEUDONYMISED", n));
                }
            }
            steps.add(new Erasure.Step("login_failure", "ERASED",
                    update("delete from login_failure where key = ?1", "name:" + username)));
        }
        steps.add(new Erasure.Step("account", "PSEUDONYMISED", update(
                "update account set display_name = ?2, email = null, password_hash = ?3 where id = ?1",
                id, ERASED_USER, PasswordHash.NONE)));
        steps.add(new Erasure.Step("account_aud", "PSEUDONYMISED", update(
                "update account_aud set display_name = ?2, email = null where id = ?1", id, ERASED_USER)));
        steps.add(new Erasure.Step("account_identity", "ERASED", update("delete from account_identity where account_id = ?1", id)));
        steps.add(new Erasure.Step("invitation", "PSEUDONYMISED", update("""
                update invitation set email = ?2,
                       revoked_by = case when accepted_at is null and revoked_at is null then ?3 else revoked_by end,
                       revoked_at = case when accepted_at is null and revoked_at is null then now() else revoked_at end
                 where account_id = ?1""", id, pseudonym + NOWHERE, me)));
        steps.add(new Erasure.Step("invitation_aud", "PSEUDONYMISED", update(
                "update invitation_aud set email = ?2 where account_id = ?1", id, pseudonym + NOWHERE)));
        // A token's name is typed by people and may say whose it is; every token of the account ends.
        steps.add(new Erasure.Step("api_token", "PSEUDONYMISED", update("""
                update api_token set name = 'Raderad nyckel ' || id,
                       revoked_by = case when revoked_at is null then ?2 else revoked_by end,
                       revoked_at = coalesce(revoked_at, now())
                 where account_id = ?1""", id, me)));
        steps.add(new Erasure.Step("api_token_aud", "PSEUDONYMISED", update(
                "update api_token_aud set name = 'Raderad nyckel ' || id where account_id = ?1", id)));
        steps.add(new Erasure.Step("idempotency_key", "ERASED", update("delete from idempotency_key where account_id = ?1", id)));
        kept.add(new Erasure.Step("revision", "KEPT", ((Number) em.createNativeQuery(
                "select count(*) from revision where username = ?1").setParameter(1, pseudonym).getSingleResult()).intValue()));
    }

    /**
     * Every column that names who did something: {@code *_by}, and {@code username} (the account's own and each
     * revision's). Flyway's own history names the database user, not a person of the application.
     */
    private List<String[]> actorColumns() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.table_name, c.column_name from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                   and c.data_type in ('character varying', 'text')
                   and (c.column_name like '%\\_by' or c.column_name = 'username')
                   and c.table_name <> 'flyway_schema_history'
                 order by 1, 2""").getResultList();
        return rows.stream().map(r -> new String[] {(String) r[0], (String) r[1]}).toList();
    }

    private String usernameOf(long accountId) {
        List<?> u = em.createNativeQuery("select username from account where id = ?1").setParameter(1, accountId).getResultList();
        return u.isEmpty() ? null : (String) u.get(0);
    }

    // ---- helpers ----

    private PrivacyRequest record(RequestKind kind, PersonQuery q, List<Subject> subjects, String outcome, Instant at) {
        boolean byEmail = q.email() != null && !q.email().isBlank();
        String foundBy = byEmail && q.kind() != null ? "EMAIL_AND_RECORD" : byEmail ? "EMAIL" : "RECORD";
        PrivacyRequest r = new PrivacyRequest(kind, foundBy, String.join(", ", names(subjects)), outcome, caller.username(), at);
        em.persist(r);
        em.flush();
        return r;
    }

    private static List<String> names(List<Subject> subjects) {
        return subjects.stream().map(Subject::toString).toList();
    }

    /** One step per table and action, in the order first done. */
    private static List<Erasure.Step> merged(List<Erasure.Step> steps) {
        Map<String, Erasure.Step> m = new LinkedHashMap<>();
        for (Erasure.Step s : steps) {
            m.merge(s.table() + " " + s.action(), s, (a, b) -> new Erasure.Step(a.table(), a.action(), a.rows() + b.rows()));
        }
        return List.copyOf(m.values());
    }

    private static String outcome(List<Erasure.Step> steps, List<Erasure.Step> kept) {
        List<String> parts = new ArrayList<>();
        merged(steps).stream().filter(s -> s.rows() > 0).forEach(s -> parts.add(s.toString()));
        merged(kept).stream().filter(s -> s.rows() > 0).forEach(s -> parts.add(s.toString()));
        return parts.isEmpty() ? "nothing held" : String.join("; ", parts);
    }

    private int update(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    private int count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).intValue();
    }

    private List<Long> ids(String sql, long id) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }
}
