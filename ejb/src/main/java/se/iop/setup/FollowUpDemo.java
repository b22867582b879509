package se.iop.setup;

import jakarta.persistence.EntityManager;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.entity.Phase;
import se.iop.common.Days;
import se.iop.milestone.entity.Milestone;
import se.iop.partner.entity.Organisation;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.CohortFigures;
import se.iop.report.entity.Measure;
import se.iop.report.entity.Outcomes;
import se.iop.report.entity.ReportPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up of the Nyköping demo: the milestones the news tells of (preparations in autumn 2023,
 * the first tenants in spring 2024, Verdandi joining) and two invented ones, and Sörmlands
 * Stadsmission's quarterly reports, approved up to mid-2025 and one waiting for review. Every number
 * and text of the reports is an example and says so.
 */
final class FollowUpDemo {

    private FollowUpDemo() {
    }

    static void load(EntityManager em, Agreement agreement, Organisation kommun, Organisation stadsmission) {
        Phase fas1 = em.createNamedQuery(Phase.BY_AGREEMENT, Phase.class).setParameter("agreement", agreement.id())
                .getResultStream().findFirst().orElse(null);
        LocalDate today = Days.today();
        Milestone preparations = new Milestone(agreement, fas1, "Förberedelser startar",
                "Boendestödjare rekryteras, rutiner tas fram och de första hyresvärdarna kontaktas (exempel).",
                LocalDate.of(2023, 11, 30), stadsmission);
        preparations.complete(LocalDate.of(2023, 10, 16), today);
        Milestone firstTenants = new Milestone(agreement, fas1, "Första hyresgästerna flyttar in",
                "De första hyresgästerna får egna förstahandskontrakt under våren 2024.",
                LocalDate.of(2024, 5, 31), stadsmission);
        firstTenants.complete(LocalDate.of(2024, 4, 15), today);
        Milestone verdandiJoins = new Milestone(agreement, null, "Verdandi ansluter",
                "Verdandi Nyköping ansluter till partnerskapet med mötesplatser och fritidsaktiviteter.",
                LocalDate.of(2024, 6, 1), kommun);
        verdandiJoins.complete(LocalDate.of(2024, 6, 1), today);
        Milestone landlords = new Milestone(agreement, fas1, "Tydlig information till hyresvärdar",
                "Hyresvärdar i kommunen får information om modellen och arbetssättet (exempel).",
                LocalDate.of(2024, 3, 31), kommun);
        landlords.start();
        Milestone evaluation = new Milestone(agreement, fas1, "Uppföljning av fas 1 till nämnderna",
                "Partsgemensam uppföljning av fas 1 inför beslut om fas 2 (exempel).", LocalDate.of(2025, 9, 30), kommun);
        for (Milestone m : new Milestone[] {preparations, firstTenants, verdandiJoins, landlords, evaluation}) {
            em.persist(m);
        }

        // contact, housed, in own home, 6-month due/kept, 12-month due/kept, leases, evictions, disturbance,
        // landlords, shelter nights (null: not known), experts by experience; costs
        Object[][] quarters = {
                {2023, 4, new Integer[] {8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, null, 1}, "95000.00",
                        "Teamet har bildats och rutiner tagits fram. Två hyresvärdar har visat intresse. (exempel)"},
                {2024, 1, new Integer[] {14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, null, 2}, "118000.00",
                        "Kontakt med personer i långvarig hemlöshet via uppsökande arbete; lägenheter förbereds. (exempel)"},
                {2024, 2, new Integer[] {18, 4, 4, 0, 0, 0, 0, 0, 0, 1, 4, 240, 2}, "190000.00",
                        "De första hyresgästerna har flyttat in i egna lägenheter med boendestöd. (exempel)"},
                {2024, 3, new Integer[] {20, 3, 7, 0, 0, 0, 0, 0, 0, 2, 5, 420, 3}, "205000.00",
                        "Fler hyresgäster har flyttat in; störningsärenden har lösts tillsammans med hyresvärden. (exempel)"},
                {2024, 4, new Integer[] {22, 2, 9, 4, 4, 0, 0, 0, 0, 1, 5, 610, 3}, "212000.00",
                        "Alla som bott ett halvår bor kvar. Erfarenhetsexperter deltar i teamets möten. (exempel)"},
                {2025, 1, new Integer[] {24, 3, 11, 7, 6, 0, 0, 1, 0, 2, 6, 780, 4}, "214000.00",
                        "Det första kontraktet har gått över i hyresgästens eget namn. (exempel)"},
                {2025, 2, new Integer[] {25, 2, 12, 9, 8, 4, 4, 2, 0, 1, 6, 850, 4}, "216000.00",
                        "De första hyresgästerna har bott ett år och bor kvar. (exempel)"},
                {2025, 3, new Integer[] {26, 1, 12, 11, 10, 7, 6, 1, 1, 2, 7, 860, 4}, "218000.00",
                        "En vräkning kunde inte förhindras; hushållet har fått en ny lägenhet. (exempel)"}};
        for (int i = 0; i < quarters.length; i++) {
            Object[] q = quarters[i];
            ReportPeriod period = ReportPeriod.quarter((Integer) q[0], (Integer) q[1]);
            ActivityReport r = new ActivityReport(agreement, stadsmission, period, "stadsmissionen", today);
            r.revise(period, (String) q[4], outcomes((Integer[]) q[2]), cohorts(period), new BigDecimal((String) q[3]), today);
            LocalDate handedIn = period.end().plusDays(14);
            r.submit("stadsmissionen", handedIn);
            if (i < quarters.length - 1) {
                r.approve("handlaggare", handedIn.plusDays(10));
            }
            em.persist(r);
        }
    }

    /**
     * The intake cohorts as each quarter's report states them (examples): who moved in when, kept at 12 months, moved on,
     * evicted, leases taken over; they agree with the rows' 12-month counts, which are counted from them.
     */
    private static List<CohortFigures> cohorts(ReportPeriod period) {
        // cohort, housed; then per report from which quarter on: retained 12, moved on, evicted, leases in own name
        List<CohortFigures> list = new ArrayList<>();
        LocalDate end = period.end();
        add(list, end, "2024-Q2", 4, at(end, "2025-Q2", 4), null, null, at(end, "2025-Q3", 3, at(end, "2025-Q2", 2, at(end, "2025-Q1", 1, null))));
        add(list, end, "2024-Q3", 3, at(end, "2025-Q3", 2), null, at(end, "2025-Q3", 1), at(end, "2025-Q2", 1));
        add(list, end, "2024-Q4", 2, null, at(end, "2025-Q1", 1), null, null);
        add(list, end, "2025-Q1", 3, null, at(end, "2025-Q2", 1), null, null);
        add(list, end, "2025-Q2", 2, null, null, null, null);
        add(list, end, "2025-Q3", 1, null, null, null, null);
        return list;
    }

    private static void add(List<CohortFigures> list, LocalDate end, String cohort, int housed, Integer retained12,
                            Integer movedOn, Integer evictions, Integer leases) {
        ReportPeriod q = ReportPeriod.parse(cohort);
        if (!q.start().isAfter(end)) {
            list.add(new CohortFigures(q, housed, retained12, null, movedOn, evictions, null, leases));
        }
    }

    /** {@code value} in the reports from the quarter {@code from} on, else {@code before}. */
    private static Integer at(LocalDate end, String from, int value, Integer before) {
        return end.isBefore(ReportPeriod.parse(from).end()) ? before : Integer.valueOf(value);
    }

    private static Integer at(LocalDate end, String from, int value) {
        return at(end, from, value, null);
    }

    private static Outcomes outcomes(Integer[] values) {
        Map<Measure, Integer> counts = new EnumMap<>(Measure.class);
        Measure[] measures = Measure.values();
        // The measures the demo's rows give, in order; the later ones (the referral flow) are left unknown.
        for (int i = 0; i < values.length; i++) {
            counts.put(measures[i], values[i]);
        }
        return Outcomes.of(counts);
    }
}
