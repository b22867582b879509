package se.iop.setup;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import se.iop.diary.boundary.Registrations;
import jakarta.persistence.PersistenceContext;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.AgreementText;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.EligibilityChecklist;
import se.iop.agreement.entity.PartyRole;
import se.iop.agreement.entity.Period;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.ExpenseSource;
import se.iop.budget.entity.LineCategory;
import se.iop.budget.entity.Phase;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * The Nyköping story (from public news, September 2023): Vård- och omsorgsnämnden (7 Sept) and
 * Socialnämnden (14 Sept) together set aside 1.7 MSEK for a first phase of Bostad först in an IOP
 * with Sörmlands Stadsmission; Verdandi joins later. Details the news does not give — organisation
 * numbers other than the municipality's, paragraphs, diarienummer, the split of the amount, the
 * contact people and the dates of Verdandi's joining — are examples and say so.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    /** Shared by every demo account except admin; never use the demo in production. */
    public static final String DEMO_PASSWORD = "bostadforst";

    @Inject
    private Registrations registrations;

    @PersistenceContext
    private EntityManager em;

    public void loadIfEmpty() {
        long organisations = em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
        if (organisations > 0) {
            return;
        }
        Organisation kommun = organisation("Nyköpings kommun", "212000-0308", OrganisationKind.MUNICIPALITY,
                "Stadshuset, 611 83 Nyköping", "kommun@nykoping.se", "0155-24 80 00");
        Committee von = kommun.addCommittee("Vård- och omsorgsnämnden");
        Committee sn = kommun.addCommittee("Socialnämnden");
        kommun.addCommittee("Kommunstyrelsen");
        kommun.addContact("Anna Exempel", "Samordnare Bostad först (exempel)", "anna.exempel@example.se", "0155-00 00 01");

        Organisation stadsmission = organisation("Sörmlands Stadsmission", "802003-5120", OrganisationKind.NON_PROFIT,
                "Exempelgatan 1, 611 30 Nyköping (exempel)", "info@example.se", "0155-00 00 02");
        stadsmission.addContact("Erik Exempel", "Verksamhetsledare (exempel)", "erik.exempel@example.se", "0155-00 00 03");
        Organisation verdandi = organisation("Verdandi Nyköping", "802011-4974", OrganisationKind.NON_PROFIT,
                "Exempelvägen 2, 611 31 Nyköping (exempel)", "verdandi@example.se", "0155-00 00 04");
        verdandi.addContact("Sara Exempel", "Ordförande (exempel)", "sara.exempel@example.se", "0155-00 00 05");
        Organisation bostadsbolag = organisation("Nyköpingshem AB", "556036-4712", OrganisationKind.HOUSING_COMPANY,
                "Exempelplan 3, 611 32 Nyköping (exempel)", "uthyrning@example.se", "0155-00 00 06");
        organisation("Exempel Fastigheter AB", "556712-3459", OrganisationKind.HOUSING_COMPANY,
                "Exempelgränd 4, 611 33 Nyköping (exempel)", "fastighet@example.se", "0155-00 00 07");
        em.flush(); // committees get their ids before decisions refer to them

        Agreement phase1 = new Agreement("SN 2023/0412 (exempel)", "Bostad först Nyköping – fas 1");
        phase1.describe(new AgreementText(
                "Hemlösheten i Nyköping är till stor del långvarig och många har både missbruk och psykisk ohälsa. "
                        + "Bostad först ger en egen lägenhet först, utan krav på nykterhet eller behandling, och stöd därefter. "
                        + "Svensk och internationell forskning visar att ungefär 8 av 10 hyresgäster behåller sin bostad.",
                "Alla har rätt till en egen bostad. Stödet utgår från hyresgästens egna val och ges så länge det behövs. "
                        + "Parterna delar målet och bidrar var och en med det den är bäst på.",
                "Att personer i hemlöshet får och behåller ett eget förstahandskontrakt; att vräkningar undviks; "
                        + "att hyresvärdar vågar hyra ut genom tydlig information och ett stöd som går att nå dygnet runt.",
                "Vuxna i långvarig hemlöshet med omfattande stödbehov, som inte fått eller behållit en bostad genom trappstegsmodellen.",
                "Styrgrupp: förvaltningscheferna för vård och omsorg och socialförvaltningen samt Sörmlands Stadsmissions ledning. "
                        + "Arbetsgrupp: Bostad först-teamet med boendestödjare från Stadsmissionen och handläggare från kommunen.",
                "Partsgemensam uppföljning varje kvartal i styrgruppen; Stadsmissionen rapporterar aggregerade utfall "
                        + "(aldrig personuppgifter); årlig rapport till båda nämnderna."));
        phase1.schedule(Period.of(LocalDate.of(2023, 10, 1), LocalDate.of(2025, 12, 31)), 6);
        phase1.addParty(kommun, PartyRole.PUBLIC_PARTNER, LocalDate.of(2023, 9, 14))
                .commit("Finansierar fas 1, hyr lägenheter i första hand och ger myndighetsutövning.",
                        new BigDecimal("1700000.00"), "Lokaler för teamets möten (exempel)");
        phase1.addParty(stadsmission, PartyRole.NON_PROFIT_PARTNER, LocalDate.of(2023, 10, 1))
                .commit("Boendestöd enligt Bostad först-modellen, volontärer och erfarenhetsexperter.",
                        new BigDecimal("250000.00"), "Volontärtimmar värderade i kronor (exempel)");
        phase1.registerDecision(von, LocalDate.of(2023, 9, 7), "§ 87 (exempel)", "VON 2023/0215 (exempel)",
                "Vård- och omsorgsnämnden avsätter medel för fas 1 av Bostad först i IOP med Sörmlands Stadsmission.",
                new BigDecimal("850000.00"));
        phase1.registerDecision(sn, LocalDate.of(2023, 9, 14), "§ 102 (exempel)", "SN 2023/0412 (exempel)",
                "Socialnämnden avsätter medel för fas 1 av Bostad först i IOP med Sörmlands Stadsmission.",
                new BigDecimal("850000.00"));
        phase1.assessEligibility(new EligibilityChecklist(true, true, true, true,
                "Initiativet kommer från Sörmlands Stadsmission; båda parter bidrar; ingen marknad finns för tjänsten; "
                        + "LOU och statsstödsreglerna bedömda av kommunens jurist (exempel)."));
        phase1.decide();
        // Signed on paper by both parties after the decisions (the signatories are examples), then put in force.
        Instant loaded = Instant.now();
        phase1.signOnPaper(phase1.parties().get(0), "Anna Exempel, förvaltningschef (exempel)", LocalDate.of(2023, 9, 28),
                "demo", loaded);
        phase1.signOnPaper(phase1.parties().get(1), "Erik Exempel, verksamhetsledare (exempel)", LocalDate.of(2023, 9, 29),
                "demo", loaded);
        phase1.activate();
        CommitteeDecision joining = phase1.registerDecision(sn, LocalDate.of(2024, 5, 16), "§ 64 (exempel)",
                "SN 2024/0188 (exempel)", "Socialnämnden godkänner att Verdandi Nyköping ansluter till partnerskapet.", null);
        phase1.amend(LocalDate.of(2024, 6, 1), "Verdandi Nyköping ansluter som idéburen part med fritidsaktiviteter "
                + "och sociala mötesplatser för hyresgästerna (exempel).", joining, verdandi, PartyRole.NON_PROFIT_PARTNER);
        em.persist(phase1);
        AgreementParty verdandiParty = phase1.parties().get(phase1.parties().size() - 1);
        verdandiParty.commit("Mötesplatser och fritidsaktiviteter för hyresgästerna.", null, "Volontärer och lokal (exempel)");
        phase1.signOnPaper(verdandiParty, "Sara Exempel, ordförande (exempel)", LocalDate.of(2024, 5, 28), "demo", loaded);
        em.flush();
        budget(phase1, von, sn, stadsmission);
        FollowUpDemo.load(em, phase1, kommun, stadsmission);

        Agreement phase2 = new Agreement("SN 2025/0301 (exempel)", "Bostad först Nyköping – fas 2 (utkast)");
        phase2.describe(new AgreementText("Fortsättning av fas 1 om uppföljningen visar att målen nås.",
                null, "Fler hyresgäster och fler hyresvärdar.", null, null, null));
        phase2.schedule(Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31)), 6);
        phase2.addParty(kommun, PartyRole.PUBLIC_PARTNER, LocalDate.of(2026, 1, 1));
        phase2.addParty(stadsmission, PartyRole.NON_PROFIT_PARTNER, LocalDate.of(2026, 1, 1));
        em.persist(phase2);

        account("handlaggare", "Handläggare (demo)", EnumSet.of(Role.ADMIN), null);
        account("ekonom", "Ekonom (demo)", EnumSet.of(Role.FINANCE), null);
        account("stadsmissionen", "Stadsmissionen (demo)", EnumSet.of(Role.PARTNER), stadsmission);
        account("verdandi", "Verdandi (demo)", EnumSet.of(Role.PARTNER), verdandi);
        account("hyresvard", "Nyköpingshem (demo)", EnumSet.of(Role.LANDLORD), bostadsbolag);
        account("revisor", "Revisor (demo)", EnumSet.of(Role.AUDITOR), null);
        LandlordDemo.load(em);
        // Loaded straight into the tables, after the migrations: numbered in the diary as the migration would.
        registrations.registerMissing();
        LOG.info("Loaded the Nyköping demo: 5 organisations, 2 agreements, 7 demo accounts.");
    }

    /**
     * Fas 1: 1.7 MSEK from the two committees (the split into lines, the payments and the monthly costs
     * are examples), with the Stadsmission's volunteer hours and premises as co-financing.
     */
    private void budget(Agreement agreement, Committee von, Committee sn, Organisation stadsmission) {
        Phase phase = new Phase(agreement, "Fas 1", LocalDate.of(2023, 10, 1), LocalDate.of(2025, 6, 30));
        phase.allocate(von, agreement.decisions().get(0), new BigDecimal("850000.00"));
        phase.allocate(sn, agreement.decisions().get(1), new BigDecimal("850000.00"));
        BudgetLine staff = phase.addLine(LineCategory.STAFF, "Boendestödjare", new BigDecimal("1050000.00"), null);
        BudgetLine housing = phase.addLine(LineCategory.HOUSING, "Hyresgarantier och bostadskostnader", new BigDecimal("300000.00"), null);
        BudgetLine support = phase.addLine(LineCategory.SUPPORT_ACTIVITIES, "Stödinsatser och aktiviteter", new BigDecimal("200000.00"), null);
        BudgetLine admin = phase.addLine(LineCategory.ADMINISTRATION, "Samordning och administration", new BigDecimal("100000.00"), null);
        phase.addLine(LineCategory.OTHER, "Utbildning och utvärdering", new BigDecimal("50000.00"), null);
        AgreementParty stadsmissionParty = agreement.parties().stream()
                .filter(p -> p.organisation().equals(stadsmission)).findFirst().orElseThrow();
        phase.contribute(stadsmissionParty, ContributionKind.VOLUNTEER_HOURS, "Volontärer, 600 timmar à 300 kr (exempel)",
                new BigDecimal("180000.00"), new BigDecimal("600"));
        phase.contribute(stadsmissionParty, ContributionKind.PREMISES, "Lokal för mötesplatsen (exempel)",
                new BigDecimal("60000.00"), null);
        em.persist(phase);
        em.flush();

        // Approved like any other payment: the database holds the allocation's limit (V9) here too.
        BigDecimal quarter = new BigDecimal("212500.00");
        LocalDate[] dates = {LocalDate.of(2023, 10, 2), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 4, 2),
                LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 4, 1)};
        for (int i = 0; i < dates.length; i++) {
            Disbursement d = new Disbursement(phase, stadsmission, quarter, dates[i], "Kvartal " + (i + 1) + " (exempel)", null);
            if (i < 6) {
                d.approve();
            }
            if (i < 5) {
                d.pay(dates[i]);
            }
            em.persist(d);
        }

        int voucher = 1;
        for (LocalDate month = LocalDate.of(2023, 10, 1); month.isBefore(LocalDate.of(2025, 7, 1)); month = month.plusMonths(1)) {
            LocalDate last = month.withDayOfMonth(month.lengthOfMonth());
            boolean started = !month.isBefore(LocalDate.of(2024, 3, 1)); // first tenants in spring 2024
            expense(phase, staff, stadsmission, last, started ? "62000.00" : "38000.00", "Löner boendestöd", voucher++);
            if (started) {
                expense(phase, housing, null, last, "14500.00", "Hyresgarantier", voucher++);
            }
            expense(phase, support, stadsmission, last, started ? "9800.00" : "3200.00", "Aktiviteter", voucher++);
            expense(phase, admin, null, last, "4200.00", "Samordning", voucher++);
        }
    }

    private void expense(Phase phase, BudgetLine line, Organisation partner, LocalDate on, String amount, String what,
                         int voucher) {
        em.persist(Expense.book(phase, line, partner, on, new BigDecimal(amount), what + " " + on.getMonthValue() + "/"
                + on.getYear() + " (exempel)", "DEMO-" + voucher, ExpenseSource.IMPORT));
    }

    private Organisation organisation(String name, String number, OrganisationKind kind, String address, String email,
                                      String phone) {
        Organisation o = new Organisation(name, OrganisationNumber.of(number), kind);
        o.describeContactDetails(address, email, phone);
        em.persist(o);
        return o;
    }

    private void account(String username, String name, EnumSet<Role> roles, Organisation organisation) {
        Account a = new Account(username, name, DEMO_PASSWORD.toCharArray());
        a.grant(roles, organisation);
        em.persist(a);
    }
}
