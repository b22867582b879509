package se.iop.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.PartyRole;
import se.iop.budget.boundary.BudgetSummaries;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.Percent;
import se.iop.fidelity.boundary.FidelityAssessments;
import se.iop.milestone.boundary.Milestones;
import se.iop.milestone.entity.Milestone;
import se.iop.report.control.CohortSums;
import se.iop.report.control.CommitteeReportCsv;
import se.iop.report.control.CommitteeReportPdf;
import se.iop.report.control.SwedishFormat;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.Measure;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.entity.ReportStatus;
import se.iop.report.entity.SmallCounts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The follow-up report a committee puts on its agenda, for an agreement and a period, as PDF or CSV.
 * It is published beyond the partners and the administrators, so counts under three are always hidden.
 * Administrators, finance and auditors may take it out.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR"})
public class CommitteeReports {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final List<Measure> FLOWS = Arrays.stream(Measure.values()).filter(Measure::flow).toList();
    private static final List<Measure> STOCKS = Arrays.stream(Measure.values()).filter(m -> !m.flow()).toList();

    // Flows summed over the period's approved reports; stocks from each partner's latest one, summed.
    private static final String TOTALS = """
            with r as (select * from activity_report where status = 'APPROVED' and agreement_id = :a
                         and period_start >= :from and period_end <= :to),
            latest as (select distinct on (partner_id) * from r order by partner_id, period_end desc)
            select (select count(*) from r), %s, %s
            """.formatted(
            FLOWS.stream().map(m -> "(select sum(" + m.column() + ") from r)").collect(Collectors.joining(", ")),
            STOCKS.stream().map(m -> "(select sum(" + m.column() + ") from latest)").collect(Collectors.joining(", ")));

    /** The Swedish names of the measures, as the report prints them. */
    public static final Map<Measure, String> LABELS = Map.ofEntries(
            Map.entry(Measure.PEOPLE_IN_CONTACT, "Personer i kontakt med verksamheten"),
            Map.entry(Measure.HOUSEHOLDS_HOUSED, "Hushåll som fått bostad under perioden"),
            Map.entry(Measure.HOUSEHOLDS_HOUSED_TOTAL, "Hushåll i eget boende vid periodens slut"),
            Map.entry(Measure.TENANCIES_6_DUE, "Hushåll som bott minst 6 månader"),
            Map.entry(Measure.TENANCIES_6_KEPT, "– av dem som bor kvar efter 6 månader"),
            Map.entry(Measure.TENANCIES_12_DUE, "Hushåll som bott minst 12 månader"),
            Map.entry(Measure.TENANCIES_12_KEPT, "– av dem som bor kvar efter 12 månader"),
            Map.entry(Measure.LEASES_TAKEN_OVER, "Kontrakt övertagna i hyresgästens eget namn"),
            Map.entry(Measure.EVICTIONS, "Vräkningar"),
            Map.entry(Measure.DISTURBANCE_CASES, "Störningsärenden som hanterats"),
            Map.entry(Measure.LANDLORDS_ENGAGED, "Hyresvärdar som medverkar"),
            Map.entry(Measure.SHELTER_NIGHTS_AVOIDED, "Härbärgesnätter som undvikits"),
            Map.entry(Measure.EXPERIENCE_EXPERTS, "Erfarenhetsexperter som medverkat"),
            Map.entry(Measure.REFERRALS_OUTREACH, "Remisser från uppsökande arbete"),
            Map.entry(Measure.REFERRALS_SOCIAL_SERVICES, "Remisser från socialtjänsten"),
            Map.entry(Measure.REFERRALS_OTHER, "Remisser från andra"),
            Map.entry(Measure.WAITING_FOR_FLAT, "Hushåll som väntar på en lägenhet vid periodens slut"),
            Map.entry(Measure.MATCHED_TO_FLAT, "Hushåll som matchats mot en lägenhet"));

    private static final Map<String, String> STATUS = Map.of("DRAFT", "Utkast", "DECIDED", "Beslutat",
            "ACTIVE", "I kraft", "ENDED", "Avslutat", "TERMINATED", "Uppsagt",
            "PLANNED", "Planerad", "IN_PROGRESS", "Pågår", "DONE", "Klar", "CANCELLED", "Inställd");

    private static final Map<PartyRole, String> ROLES = Map.of(PartyRole.PUBLIC_PARTNER, "offentlig part",
            PartyRole.NON_PROFIT_PARTNER, "idéburen part", PartyRole.ASSOCIATED, "övrig medverkande");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    @Inject
    private Milestones milestones;

    @Inject
    private BudgetSummaries budgets;

    @Inject
    private FidelityAssessments fidelity;

    public byte[] pdf(long agreementId, LocalDate from, LocalDate to) {
        return CommitteeReportPdf.render(of(agreementId, from, to));
    }

    public byte[] csv(long agreementId, LocalDate from, LocalDate to) {
        return CommitteeReportCsv.render(of(agreementId, from, to));
    }

    /** The report's content; without dates, from the agreement's start until today. */
    public CommitteeReport of(long agreementId, LocalDate from, LocalDate to) {
        Agreement a = agreements.find(agreementId);
        LocalDate today = Days.today();
        LocalDate start = from != null ? from : a.period().start() != null ? a.period().start() : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            throw new InvalidInput("to", "error.period.endBeforeStart");
        }
        String municipality = a.parties().stream().filter(p -> p.role() == PartyRole.PUBLIC_PARTNER)
                .map(p -> p.organisation().name()).distinct().collect(Collectors.joining(", "));

        List<String> parties = new ArrayList<>();
        for (AgreementParty p : a.parties()) {
            parties.add(p.organisation().name() + " (" + ROLES.get(p.role()) + ")"
                    + (p.joinedOn() == null ? "" : ", från " + p.joinedOn()) + (p.leftOn() == null ? "" : ", till " + p.leftOn()));
        }
        CommitteeReport.Brief brief = new CommitteeReport.Brief(a.reference(), a.title(), STATUS.get(a.status().name()),
                a.period().start(), a.period().end(), a.text().goals(), parties, a.decidedAmount());
        List<CommitteeReport.Decision> decisions = a.decisions().stream().map(d -> new CommitteeReport.Decision(
                d.committee().name(), d.meetingDate(), d.paragraph(), d.diarienummer(), d.text(), d.amount())).toList();
        List<CommitteeReport.Change> amendments = a.amendments().stream()
                .map(m -> new CommitteeReport.Change(m.effectiveOn(), m.description())).toList();

        BudgetSummary summary = budgets.of(agreementId, today);
        BudgetSummary.Figures t = summary.total();
        CommitteeReport.Budget budget = t == null || t.start() == null ? new CommitteeReport.Budget(null, null, null, null, null)
                : new CommitteeReport.Budget(t.allocated(), t.spent(), t.remaining(), t.percentUsed(),
                OutcomeSummaries.elapsed(t.start(), t.end(), today));

        List<CommitteeReport.MilestoneLine> lines = new ArrayList<>();
        for (Milestone m : milestones.ofAgreement(agreementId)) {
            lines.add(new CommitteeReport.MilestoneLine(m.title(), m.dueOn(), STATUS.get(m.status().name()), m.completedOn(),
                    m.isLate(today)));
        }

        Object[] row = (Object[]) em.createNativeQuery(TOTALS).setParameter("a", agreementId)
                .setParameter("from", start).setParameter("to", end).getSingleResult();
        Map<Measure, Integer> totals = new LinkedHashMap<>();
        int i = 1;
        for (Measure m : FLOWS) {
            totals.put(m, integer(row[i++]));
        }
        for (Measure m : STOCKS) {
            totals.put(m, integer(row[i++]));
        }
        List<CommitteeReport.Outcome> outcomes = new ArrayList<>();
        for (Measure m : Measure.values()) {
            outcomes.add(new CommitteeReport.Outcome(m.field(), LABELS.get(m), SmallCounts.shown(totals.get(m))));
        }
        var share = SmallCounts.share(totals.get(Measure.TENANCIES_12_KEPT), totals.get(Measure.TENANCIES_12_DUE));
        String retention = SwedishFormat.percent(share);

        List<CommitteeReport.Narrative> narratives = em.createQuery("select r from ActivityReport r join fetch r.partner"
                        + " where r.agreement.id = :a and r.status = :approved and r.period.start >= :from and r.period.end <= :to"
                        + " order by r.period.start, r.partner.name", ActivityReport.class)
                .setParameter("a", agreementId).setParameter("approved", ReportStatus.APPROVED)
                .setParameter("from", start).setParameter("to", end).getResultStream()
                .filter(r -> r.narrative() != null)
                .map(r -> new CommitteeReport.Narrative(r.partner().name(), r.period().label(SWEDISH), r.narrative()))
                .toList();

        // One self-assessment per agreement and year: the approved one of each year the period touches.
        List<CommitteeReport.Fidelity> fidelityLines = fidelity.approved(agreementId).stream()
                .filter(f -> f.year() >= start.getYear() && f.year() <= end.getYear())
                .map(f -> new CommitteeReport.Fidelity(f.year(), f.partnerName(),
                        f.scoring().domains().stream().map(d -> new CommitteeReport.FidelityDomain(d.name(), d.sum(), d.max())).toList(),
                        f.scoring().total(), f.scoring().max(),
                        SwedishFormat.percent(Percent.of(f.scoring().total(), f.scoring().max()))))
                .toList();

        // Published beyond the partners: never exact.
        List<CommitteeReport.Cohort> cohorts = CohortSums.of(em, List.of(agreementId), end, false).stream()
                .map(c -> new CommitteeReport.Cohort(ReportPeriod.quarterOf(c.start()).label(SWEDISH), c.housed().text(),
                        c.retained12().text(), SwedishFormat.percent(c.retention12()), c.retained24().text(),
                        SwedishFormat.percent(c.retention24()), c.movedOn().text(), c.evictions().text(),
                        c.returnedHomeless().text(), c.leasesOwn().text()))
                .toList();

        return new CommitteeReport(municipality, today, start, end, brief, decisions, amendments, budget, lines,
                ((Number) row[0]).intValue(), outcomes, retention, narratives, fidelityLines, cohorts);
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
