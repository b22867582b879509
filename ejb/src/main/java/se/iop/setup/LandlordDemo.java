package se.iop.setup;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;
import se.iop.common.Days;
import se.iop.agreement.entity.Agreement;
import se.iop.landlord.boundary.SupportContacts;
import se.iop.landlord.entity.ContactNeed;
import se.iop.landlord.entity.FlatStage;
import se.iop.landlord.entity.InformationPacket;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordContact;
import se.iop.landlord.entity.NeedCategory;
import se.iop.landlord.entity.PacketDelivery;
import se.iop.landlord.entity.PacketSend;
import se.iop.landlord.entity.PacketVersion;
import se.iop.landlord.entity.SectionText;
import se.iop.partner.entity.Organisation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * The landlords of the Nyköping demo: Nyköpingshem AB (whose user is {@code hyresvard}), another
 * housing company and two private landlords, all with invented contacts and flats; the published
 * packet "Bostad först – information till hyresvärdar" of phase 1, sent to Nyköpingshem and to one
 * private landlord, Karin Exempelsson, who signs in as {@code karin} (a LANDLORD account bound to her landlord
 * record); and one contact need. Names, addresses, numbers and dates are examples.
 */
public final class LandlordDemo {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private LandlordDemo() {
    }

    public static void load(EntityManager em) {
        Organisation nykopingshem = organisation(em, "Nyköpingshem AB");
        Organisation exempelFastigheter = organisation(em, "Exempel Fastigheter AB");
        Agreement phase1 = em.createQuery("select a from Agreement a where a.reference = :r", Agreement.class)
                .setParameter("r", "SN 2023/0412 (exempel)").getSingleResult();

        Landlord hem = Landlord.company(nykopingshem);
        LandlordContact maria = hem.addContact("Maria Exempel", "Uthyrningschef (exempel)", "maria.exempel@example.se",
                "0155-00 00 10");
        hem.addContact("Johan Exempel", "Bovärd, Brunnsgatan (exempel)", null, "0155-00 00 11");
        maria.addNote("Möte om två lägenheter till Bostad först; Nyköpingshem vill ha en kontakt dygnet runt (exempel).",
                "handlaggare", at(2024, 1, 18, 10));
        maria.addNote("Ringde: lägenheten på Brunnsgatan kan tas i bruk 1 april (exempel).", "handlaggare",
                at(2024, 2, 27, 14));
        var brunnsgatan = hem.offerFlat("Brunnsgatan 12 B, lgh 1102 (exempel)", new BigDecimal("41.5"), 2,
                LocalDate.of(2024, 4, 1), Days.today(), "setup");
        // The first flat of the story: matched in April, moved into in May 2024 (example dates).
        brunnsgatan.moveTo(FlatStage.MATCHED, LocalDate.of(2024, 4, 15), null, "handlaggare", at(2024, 4, 15, 10));
        brunnsgatan.moveTo(FlatStage.MOVED_IN, LocalDate.of(2024, 5, 2), null, "handlaggare", at(2024, 5, 2, 10));
        hem.offerFlat("Västra Storgatan 3, lgh 1201 (exempel)", new BigDecimal("35.0"), 1, LocalDate.of(2024, 6, 1), Days.today(), "setup");
        em.persist(hem);

        Landlord exempel = Landlord.company(exempelFastigheter);
        exempel.addContact("Lena Exempel", "Förvaltare (exempel)", "lena.exempel@example.se", "0155-00 00 12");
        em.persist(exempel);

        Landlord karin = Landlord.person("Karin Exempelsson (exempel)", "Backvägen 2, 611 34 Nyköping (exempel)");
        LandlordContact karinSelf = karin.addContact("Karin Exempelsson", "Privat hyresvärd (exempel)",
                "karin.exempelsson@example.se", "070-000 00 01");
        karin.offerFlat("Backvägen 2, lgh 1001 (exempel)", new BigDecimal("28.0"), 1, LocalDate.of(2024, 9, 1), Days.today(), "setup");
        em.persist(karin);
        Account karinsAccount = new Account("karin", "Karin Exempelsson (demo)", DemoData.DEMO_PASSWORD.toCharArray());
        karinsAccount.grant(EnumSet.of(Role.LANDLORD), null, karin);
        em.persist(karinsAccount);

        Landlord olof = Landlord.person("Olof Exempelsson (exempel)", "Stensättersgatan 5, 611 35 Nyköping (exempel)");
        olof.addContact("Olof Exempelsson", "Privat hyresvärd, nås bara per telefon (exempel)", null, "070-000 00 02");
        em.persist(olof);

        InformationPacket packet = new InformationPacket(phase1, "Bostad först – information till hyresvärdar",
                "Housing First – information for landlords", sections(), at(2024, 2, 1, 9));
        em.persist(packet);
        PacketVersion v1 = packet.latest();
        v1.publish(SupportContacts.current(phase1, LocalDate.of(2024, 2, 15)), "handlaggare", at(2024, 2, 15, 11));
        em.flush();

        PacketSend send = new PacketSend(v1, "handlaggare", at(2024, 2, 16, 9));
        em.persist(send);
        PacketDelivery toHem = new PacketDelivery(v1, maria, send, 0, "handlaggare", at(2024, 2, 16, 9));
        em.persist(toHem);
        PacketDelivery toKarin = new PacketDelivery(v1, karinSelf, send, 0, "handlaggare", at(2024, 2, 16, 9));
        em.persist(toKarin);
        mailed(em, toHem, at(2024, 2, 16, 9));
        mailed(em, toKarin, at(2024, 2, 16, 9));

        em.persist(new ContactNeed(hem, NeedCategory.DISTURBANCE, "Grannar i trapphus B har hört höga ljud sent på "
                + "kvällen två helger i rad. Kan teamet höra av sig till hyresgästen? (exempel)", "hyresvard",
                at(2024, 5, 12, 21)));
    }

    /**
     * Marked sent the one way the mailer marks a delivery ({@link PacketDelivery#markEnding}, then
     * {@link PacketDelivery#markSent}), under a claim of its own.
     */
    private static void mailed(EntityManager em, PacketDelivery d, Instant at) {
        String claim = d.claim(at, Duration.ofMinutes(1));
        em.flush();
        if (!em.unwrap(Session.class).doReturningWork(c -> PacketDelivery.markEnding(c, d.id(), claim, at,
                Duration.ofMinutes(1)) && PacketDelivery.markSent(c, d.id(), claim, at))) {
            throw new IllegalStateException("the demo's delivery " + d.id() + " was not marked sent");
        }
        // The statement went past the persistence context: what it holds of the delivery is read again.
        em.refresh(d);
    }

    private static List<SectionText> sections() {
        return List.of(
                new SectionText("Vad är Bostad först?",
                        "Bostad först ger människor i långvarig hemlöshet en egen lägenhet först – utan krav på nykterhet "
                                + "eller behandling – och stöd därefter, så länge det behövs.\n\n"
                                + "Svensk och internationell forskning visar att ungefär 8 av 10 hyresgäster behåller sin "
                                + "bostad. I Nyköping drivs Bostad först i ett idéburet offentligt partnerskap mellan "
                                + "kommunen och Sörmlands Stadsmission.",
                        "What is Housing First?",
                        "Housing First gives people in long-term homelessness a flat of their own first – with no demand "
                                + "of sobriety or treatment – and support afterwards, for as long as it is needed. About "
                                + "8 in 10 tenants keep their home."),
                new SectionText("Hyresavtalet",
                        "Kommunen hyr lägenheten i första hand och hyr ut den i andra hand till hyresgästen. Ni har "
                                + "kommunen som avtalspart, och kommunen betalar hyran till er.\n\n"
                                + "När boendet fungerar, normalt efter ungefär ett år, tar hyresgästen över kontraktet i "
                                + "eget namn. Stödet fortsätter även då.",
                        "The lease",
                        "The municipality rents the flat first-hand and sublets it to the tenant. After about a year, "
                                + "when the tenancy works, the tenant takes over the lease in their own name."),
                new SectionText("Vem stöttar hyresgästen?",
                        "Sörmlands Stadsmissions Bostad först-team ger boendestöd i hemmet, ofta flera gånger i veckan i "
                                + "början. Stödet följer hyresgästen och bygger på hyresgästens egna val.",
                        "Who supports the tenant?",
                        "The Housing First team of Sörmlands Stadsmission supports the tenant at home, often several "
                                + "times a week at first."),
                new SectionText("Vem ringer jag – dygnet runt?",
                        "Dagtid: hyresgästens boendestödjare eller teamets samordnare (se kontakterna nedan).\n\n"
                                + "Kvällar, nätter och helger: Stadsmissionens jourtelefon 0155-00 00 99 (exempel). "
                                + "Vid akut fara: ring 112.",
                        "Whom do I call – day and night?",
                        "Daytime: the tenant's support worker or the team's coordinator. Evenings, nights and weekends: "
                                + "the Stadsmission's on-call phone 0155-00 00 99 (example). In an emergency: call 112."),
                new SectionText("Vid störningar eller obetald hyra",
                        "Hör av er till teamet tidigt, innan det blir en stor sak. Teamet kontaktar hyresgästen samma dag "
                                + "eller nästa vardag och återkommer till er. Ni kan också anmäla ett kontaktbehov direkt "
                                + "i hyresvärdsportalen.\n\n"
                                + "Så länge kommunen har förstahandskontraktet betalar kommunen hyran; uteblir en "
                                + "betalning, kontakta samordnaren så löser vi det.",
                        "Disturbance or unpaid rent",
                        "Contact the team early. The team contacts the tenant the same or the next working day and gets "
                                + "back to you. While the municipality holds the lease, it pays the rent."));
    }

    private static Organisation organisation(EntityManager em, String name) {
        return em.createQuery("select o from Organisation o where o.name = :n", Organisation.class)
                .setParameter("n", name).getSingleResult();
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDate.of(year, month, day).atTime(hour, 0).atZone(SWEDEN).toInstant();
    }
}
