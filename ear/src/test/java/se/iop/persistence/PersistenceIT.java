package se.iop.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.SessionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.account.boundary.AccountData;
import se.iop.account.boundary.Accounts;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;
import se.iop.agreement.boundary.AgreementDraft;
import se.iop.agreement.boundary.AgreementQuery;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.boundary.AmendmentData;
import se.iop.agreement.boundary.DecisionData;
import se.iop.agreement.boundary.PartyData;
import se.iop.agreement.boundary.Signatures;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.AgreementText;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.EligibilityChecklist;
import se.iop.agreement.entity.PartyRole;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.it.Deployments;
import se.iop.partner.boundary.OrganisationData;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Contact;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: Flyway made the schema, the JPA mapping fits it, every entity is stored and read
 * back through the services, and Envers records each change with its revision.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestClasses(PersistenceIT.class, AsAdmin.class);
    }

    @EJB
    private AsAdmin admin;

    @Inject
    private Organisations organisations;

    @Inject
    private Agreements agreements;

    @Inject
    private Signatures signatures;

    @Inject
    private Accounts accounts;

    @Inject
    private History history;

    @PersistenceUnit(unitName = "iop")
    private EntityManagerFactory emf;

    @Resource(lookup = "java:jboss/datasources/IopDS")
    private DataSource dataSource;

    private List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid, unused organisation number: random digits and the Luhn check digit. */
    private static String organisationNumber() {
        String nine = "80" + String.format("%07d", (long) (Math.random() * 10_000_000));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return nine + (10 - sum % 10) % 10;
    }

    @Test
    void flywayMadeTheSchema() throws SQLException {
        List<List<Object>> v1 = rows("select description, success from flyway_schema_history where version = '1'");
        assertEquals(1, v1.size(), v1.toString());
        assertEquals("foundation", v1.get(0).get(0));
        assertEquals(Boolean.TRUE, v1.get(0).get(1));
        assertEquals(List.of(List.of(0L)), rows("select count(*) from flyway_schema_history where not success"));
    }

    @Test
    void theMappingFitsTheMigratedSchema() {
        // Hibernate compares every mapped table and column, the Envers audit tables included, with the database.
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    @Test
    void theServicesRefuseCallersWithoutARole() {
        assertThrows(EJBAccessException.class, () -> agreements.search(AgreementQuery.all()));
        assertThrows(EJBAccessException.class, () -> organisations.committees());
        assertThrows(EJBAccessException.class, () -> history.ofAgreement(1));
    }

    @Test
    void everyEntityIsStoredAndReadBack() throws Exception {
        String kommunName = unique("IT kommun");
        String number = organisationNumber();
        long kommunId = admin.call(() -> {
            Organisation o = organisations.create(new OrganisationData(kommunName, number,
                    OrganisationKind.MUNICIPALITY, "Stadshuset", "kommun@example.se", "0155-00 00 00"));
            return o.id();
        });
        long committeeId = admin.call(() -> organisations.addCommittee(kommunId, "Socialnämnden").id());
        admin.call(() -> organisations.addContact(kommunId, "Anna Exempel", "Samordnare", "anna@example.se", "0155-1"));
        long ngoId = admin.call(() -> organisations.create(new OrganisationData(unique("IT förening"),
                organisationNumber(), OrganisationKind.NON_PROFIT, null, null, null)).id());
        long joiningId = admin.call(() -> organisations.create(new OrganisationData(unique("IT förening"),
                organisationNumber(), OrganisationKind.NON_PROFIT, null, null, null)).id());

        Organisation kommun = admin.call(() -> organisations.find(kommunId));
        assertEquals(kommunName, kommun.name());
        assertEquals(number.substring(0, 6) + "-" + number.substring(6), kommun.organisationNumber().value());
        assertEquals(OrganisationKind.MUNICIPALITY, kommun.kind());
        assertEquals("kommun@example.se", kommun.email());
        assertTrue(kommun.active());
        Committee committee = kommun.committees().get(0);
        assertEquals(committeeId, committee.id());
        assertEquals("Socialnämnden", committee.name());
        Contact contact = kommun.contacts().get(0);
        assertEquals("Anna Exempel", contact.name());
        assertEquals("anna@example.se", contact.email());

        String reference = unique("IT");
        AgreementText text = new AgreementText("Bakgrund", "Värdegrund", "Mål", "Målgrupp", "Styrgrupp", "Uppföljning");
        long id = admin.call(() -> agreements.create(new AgreementDraft(reference, "Bostad först – test", text,
                START, LocalDate.of(2026, 12, 31), 6)).id());
        admin.call(() -> agreements.addParty(id, new PartyData(kommunId, PartyRole.PUBLIC_PARTNER, START,
                "Finansierar", new BigDecimal("1700000"), "Lokaler")));
        admin.call(() -> agreements.addParty(id, new PartyData(ngoId, PartyRole.NON_PROFIT_PARTNER, START,
                "Boendestöd", new BigDecimal("250000.50"), null)));
        long decisionId = admin.call(() -> agreements.registerDecision(id, new DecisionData(committeeId,
                LocalDate.of(2023, 12, 14), "§ 12", "SN 2023/1", "Beslut", new BigDecimal("850000"))).id());
        admin.call(() -> agreements.assessEligibility(id, null, new EligibilityChecklist(true, true, true, true, "Bedömt")));
        admin.call(() -> agreements.changeStatus(id, null, AgreementStatus.DECIDED, null, null));
        for (AgreementParty p : admin.call(() -> agreements.find(id)).parties()) {
            admin.call(() -> signatures.onPaper(id, p.id(), "Firmatecknare", LocalDate.of(2023, 12, 20)));
        }
        admin.call(() -> agreements.changeStatus(id, null, AgreementStatus.ACTIVE, null, null));
        admin.call(() -> agreements.amend(id, new AmendmentData(LocalDate.of(2024, 6, 1), "En förening till ansluter",
                decisionId, new PartyData(joiningId, PartyRole.NON_PROFIT_PARTNER, null, "Mötesplatser", null,
                "Volontärer"))));

        Agreement a = admin.call(() -> agreements.find(id));
        assertEquals(reference, a.reference());
        assertEquals("Bostad först – test", a.title());
        assertEquals(text, a.text());
        assertEquals(START, a.period().start());
        assertEquals(LocalDate.of(2026, 12, 31), a.period().end());
        assertEquals(6, a.noticeMonths());
        assertEquals(AgreementStatus.ACTIVE, a.status());
        assertTrue(a.eligibility().complete());
        assertEquals("Bedömt", a.eligibility().note());
        assertEquals(3, a.parties().size());
        AgreementParty first = a.parties().get(0);
        assertEquals(kommunId, first.organisation().id());
        assertEquals(PartyRole.PUBLIC_PARTNER, first.role());
        assertEquals(new BigDecimal("1700000.00"), first.contributionAmount());
        assertEquals("Lokaler", first.contributionInKind());
        CommitteeDecision decision = a.decisions().get(0);
        assertEquals(committeeId, decision.committee().id());
        assertEquals(LocalDate.of(2023, 12, 14), decision.meetingDate());
        assertEquals("§ 12", decision.paragraph());
        assertEquals(new BigDecimal("850000.00"), decision.amount());
        Amendment amendment = a.amendments().get(0);
        assertEquals(LocalDate.of(2024, 6, 1), amendment.effectiveOn());
        assertEquals(decisionId, amendment.decision().id());
        assertEquals(joiningId, amendment.addedParty().organisation().id());
        assertEquals(LocalDate.of(2024, 6, 1), amendment.addedParty().joinedOn());

        // The columns hold what the entities say, as SQL reads them.
        assertEquals(List.of(List.of("ACTIVE", true, true, 6, START)), rows("select status, elig_no_market,"
                + " elig_assessment_done, notice_months, start_date from agreement where id = ?", id).stream()
                .map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3), ((java.sql.Date) r.get(4)).toLocalDate()))
                .toList());
        assertEquals(List.of(List.of(new BigDecimal("250000.50"))), rows("select contribution_amount from"
                + " agreement_party where agreement_id = ? and organisation_id = ?", id, ngoId));

        String username = "it-" + UUID.randomUUID().toString().substring(0, 8);
        long accountId = admin.call(() -> accounts.create(new AccountData(username, "Testpartner",
                username + "@example.se", Set.of(Role.PARTNER), ngoId, null), "ett-langt-losenord".toCharArray()).id());
        Account account = admin.call(() -> accounts.find(accountId));
        assertEquals(username, account.username());
        assertEquals(Set.of(Role.PARTNER), account.roles());
        assertEquals(ngoId, account.organisation().id());
        assertTrue(accounts.authenticate(username, "ett-langt-losenord".toCharArray(), "192.0.2.1").valid());
        assertEquals(List.of(List.of("PARTNER")), rows("select role from account_role where account_id = ?", accountId));
        String hash = (String) rows("select password_hash from account where id = ?", accountId).get(0).get(0);
        assertTrue(hash.startsWith("pbkdf2-sha256$"), "stored hashed");
        assertFalse(hash.contains("ett-langt-losenord"));
    }

    @Test
    void enversRecordsEachChangeWithItsRevision() throws Exception {
        String reference = unique("IT");
        long id = admin.call(() -> agreements.create(new AgreementDraft(reference, "Titel före", AgreementText.empty(),
                START, null, null)).id());
        Agreement created = admin.call(() -> agreements.find(id));
        admin.call(() -> agreements.update(id, created.version(), new AgreementDraft(reference, "Titel efter",
                AgreementText.empty(), START, null, null)));

        List<List<Object>> audit = rows("select a.revtype, a.title, r.username, r.changed_at from agreement_aud a"
                + " join revision r on r.id = a.rev where a.id = ? order by a.rev", id);
        assertEquals(2, audit.size(), audit.toString());
        assertEquals(List.of((short) 0, "Titel före"), List.of(((Number) audit.get(0).get(0)).shortValue(), audit.get(0).get(1)));
        assertEquals(List.of((short) 1, "Titel efter"), List.of(((Number) audit.get(1).get(0)).shortValue(), audit.get(1).get(1)));
        for (List<Object> row : audit) {
            assertNotNull(row.get(2), "every revision names who made it");
            assertTrue(System.currentTimeMillis() - ((Number) row.get(3)).longValue() < 600_000, "a fresh timestamp");
        }
        // Work done without a logged-in person (here: a run-as role, as the start-up does) is the system's.
        assertEquals("system", audit.get(1).get(2));

        List<Change> changes = admin.call(() -> history.ofAgreement(id));
        assertEquals(Change.Kind.CHANGED, changes.get(0).kind());
        assertEquals(List.of(new Change.FieldChange("title", "Titel före", "Titel efter")), changes.get(0).fields());
        assertEquals(Change.Kind.CREATED, changes.get(1).kind());
    }
}
