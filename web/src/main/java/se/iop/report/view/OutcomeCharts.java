package se.iop.report.view;

import se.iop.budget.boundary.BudgetSummary.MonthPoint;
import se.iop.common.Percent;
import se.iop.report.boundary.OutcomeSummary.BudgetPace;
import se.iop.report.boundary.OutcomeSummary.CohortPoint;
import se.iop.report.boundary.OutcomeSummary.Count;
import se.iop.report.boundary.OutcomeSummary.MilestoneTally;
import se.iop.report.boundary.OutcomeSummary.QuarterPoint;
import se.iop.report.boundary.OutcomeSummary;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.view.ChartConfig.Series;
import se.iop.web.Ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The outcome charts of a dashboard, in the user's language: households housed over time, retention
 * at 12 months against the 80 % reference, leases taken over, milestones done and late, budget
 * used against time elapsed, the intake cohorts' retention curves and the referral flow.
 */
public final class OutcomeCharts {

    private final OutcomeSummary summary;
    private final Ui ui;

    public OutcomeCharts(OutcomeSummary summary, Ui ui) {
        this.summary = summary;
        this.ui = ui;
    }

    public OutcomeSummary summary() {
        return summary;
    }

    private List<String> quarterLabels() {
        Locale locale = ui.locale();
        return summary.quarters().stream().map(q -> ReportPeriod.quarterOf(q.start()).label(locale)).toList();
    }

    private List<Integer> values(Function<QuarterPoint, Count> count) {
        return summary.quarters().stream().map(q -> count.apply(q).value()).toList();
    }

    public boolean hasOutcomes() {
        return !summary.quarters().isEmpty();
    }

    public String housedChart() {
        return ChartConfig.bars(quarterLabels(), List.of(
                new Series("bar", ui.text("followup.chart.housedInQuarter"), values(q -> q.count("householdsHoused")), ChartConfig.BLUE, false),
                new Series("line", ui.text("followup.chart.housedTotal"), values(q -> q.count("householdsHousedTotal")), ChartConfig.GREEN, false)),
                ui.text("followup.chart.households"), null, false);
    }

    public String retentionChart() {
        List<BigDecimal> reference = summary.quarters().stream().map(q -> OutcomeSummary.RETENTION_REFERENCE).toList();
        return ChartConfig.bars(quarterLabels(), List.of(
                new Series("line", ui.text("followup.chart.retention12"), summary.quarters().stream().map(QuarterPoint::retention12).toList(),
                        ChartConfig.BLUE, false),
                new Series("line", ui.text("followup.chart.reference"), reference, ChartConfig.ORANGE, true)),
                ui.text("followup.chart.percent"), 100, false);
    }

    public String leasesChart() {
        return ChartConfig.bars(quarterLabels(), List.of(
                new Series("bar", ui.text("followup.chart.leasesInQuarter"), values(q -> q.count("leasesTakenOver")), ChartConfig.BLUE, false),
                new Series("line", ui.text("followup.chart.leasesToDate"), values(QuarterPoint::leasesToDate), ChartConfig.GREEN, false)),
                ui.text("followup.chart.leases"), null, false);
    }

    public String milestonesChart() {
        MilestoneTally t = summary.milestones();
        return ChartConfig.doughnut(List.of(ui.text("followup.milestones.doneOnTime"), ui.text("followup.milestones.doneLate"),
                        ui.text("followup.milestones.late"), ui.text("followup.milestones.upcoming"), ui.text("followup.milestones.cancelled")),
                List.of(t.doneOnTime(), t.doneLate(), t.late(), t.upcoming(), t.cancelled()),
                List.of(ChartConfig.GREEN, "#7fb28a", ChartConfig.RED, ChartConfig.BLUE, ChartConfig.GREY));
    }

    public boolean hasBudget() {
        return !summary.budgets().isEmpty();
    }

    public String budgetChart() {
        List<BudgetPace> paces = summary.budgets();
        return ChartConfig.bars(paces.stream().map(BudgetPace::title).toList(), List.of(
                new Series("bar", ui.text("followup.chart.budgetUsed"), paces.stream().map(BudgetPace::percentUsed).toList(), ChartConfig.BLUE, false),
                new Series("bar", ui.text("followup.chart.timeElapsed"), paces.stream().map(BudgetPace::percentTimeElapsed).toList(), ChartConfig.GREY, false)),
                ui.text("followup.chart.percent"), 100, true);
    }

    /** One agreement's spending month by month against the plan spread evenly over time. */
    public String budgetCurveChart() {
        List<MonthPoint> months = summary.budgets().isEmpty() ? List.of() : summary.budgets().get(0).months();
        return ChartConfig.bars(months.stream().map(MonthPoint::month).toList(), List.of(
                new Series("line", ui.text("followup.chart.spentToDate"), months.stream().map(MonthPoint::spentToDate).toList(), ChartConfig.BLUE, false),
                new Series("line", ui.text("followup.chart.plannedToDate"), months.stream().map(MonthPoint::plannedToDate).toList(), ChartConfig.GREY, true)),
                ui.text("followup.chart.kronor"), null, false);
    }

    // --- intake cohorts and the referral flow -------------------------------------------------------

    private static final List<String> PALETTE = List.of(ChartConfig.BLUE, ChartConfig.GREEN, "#6a3d9a", ChartConfig.RED,
            "#00727a", "#8a5a00", ChartConfig.GREY, "#3b5bdb");

    public boolean hasCohorts() {
        return !summary.cohorts().isEmpty();
    }

    /**
     * Retention curves: for each intake cohort the share still housed at moving in (all of them), after 12 and
     * after 24 months, against the 80 % reference; a share not yet known, or resting on fewer than three
     * households, leaves the curve open there.
     */
    public String cohortChart() {
        List<String> points = List.of(ui.text("cohort.chart.movedIn"), ui.text("cohort.chart.after12"), ui.text("cohort.chart.after24"));
        List<Series> series = new ArrayList<>();
        BigDecimal all = new BigDecimal("100");
        int n = 0;
        for (CohortPoint c : summary.cohorts()) {
            // A hidden cohort (under three households) has no curve to draw.
            List<BigDecimal> values = Arrays.asList(c.housed().value() == null ? null : all, c.retention12(), c.retention24());
            series.add(new Series("line", cohortLabel(c), values, PALETTE.get(n++ % PALETTE.size()), false));
        }
        series.add(new Series("line", ui.text("followup.chart.reference"),
                List.of(OutcomeSummary.RETENTION_REFERENCE, OutcomeSummary.RETENTION_REFERENCE, OutcomeSummary.RETENTION_REFERENCE),
                ChartConfig.ORANGE, true));
        return ChartConfig.bars(points, series, ui.text("followup.chart.percent"), 100, false);
    }

    /** A cohort's name in the user's language, e.g. "Kvartal 1 2024". */
    public String cohortLabel(CohortPoint c) {
        return ReportPeriod.quarterOf(c.start()).label(ui.locale());
    }

    public boolean hasReferrals() {
        return summary.quarters().stream().anyMatch(q -> REFERRAL_FLOW.stream().anyMatch(f -> q.count(f) != null
                && (q.count(f).value() != null || q.count(f).hidden())));
    }

    private static final List<String> REFERRAL_FLOW = List.of("referralsOutreach", "referralsSocialServices", "referralsOther",
            "waitingForFlat", "matchedToFlat");

    /** Referrals received per quarter by source, against households waiting, matched to a flat and moved in. */
    public String referralChart() {
        return ChartConfig.bars(quarterLabels(), List.of(
                new Series("bar", ui.text("followup.measure.referralsOutreach"), values(q -> q.count("referralsOutreach")), ChartConfig.BLUE, false),
                new Series("bar", ui.text("followup.measure.referralsSocialServices"), values(q -> q.count("referralsSocialServices")), "#00727a", false),
                new Series("bar", ui.text("followup.measure.referralsOther"), values(q -> q.count("referralsOther")), ChartConfig.GREY, false),
                new Series("line", ui.text("referral.chart.waiting"), values(q -> q.count("waitingForFlat")), ChartConfig.ORANGE, false),
                new Series("line", ui.text("referral.chart.matched"), values(q -> q.count("matchedToFlat")), "#6a3d9a", false),
                new Series("line", ui.text("referral.chart.movedIn"), values(q -> q.count("householdsHoused")), ChartConfig.GREEN, false)),
                ui.text("followup.chart.households"), null, false);
    }

    /** A quarter's label in the user's language, e.g. "Kvartal 2 2024". */
    public String quarterLabel(QuarterPoint q) {
        return ReportPeriod.quarterOf(q.start()).label(ui.locale());
    }

    /** A share as "80,0 %" (or "80.0%"), a dash when there is none to give. */
    public String percent(BigDecimal value) {
        return Percent.format(value, ui.locale());
    }

    // --- figures for the cards above the charts -------------------------------------------------

    /** Households in their own home at the end of the latest quarter reported. */
    public String getHoused() {
        QuarterPoint q = summary.latest();
        return q == null ? "–" : q.count("householdsHousedTotal").text();
    }

    /** Retention at 12 months in the latest quarter that has households due at 12 months. */
    public String getRetention() {
        for (int i = summary.quarters().size() - 1; i >= 0; i--) {
            BigDecimal r = summary.quarters().get(i).retention12();
            if (r != null) {
                return percent(r);
            }
        }
        return "–";
    }

    /** Whether the latest retention reaches the 80 % reference. */
    public boolean isRetentionReached() {
        for (int i = summary.quarters().size() - 1; i >= 0; i--) {
            BigDecimal r = summary.quarters().get(i).retention12();
            if (r != null) {
                return r.compareTo(OutcomeSummary.RETENTION_REFERENCE) >= 0;
            }
        }
        return false;
    }

    public String getLeases() {
        QuarterPoint q = summary.latest();
        return q == null ? "–" : q.leasesToDate().text();
    }

    public String getLatestQuarter() {
        QuarterPoint q = summary.latest();
        return q == null ? "–" : quarterLabel(q);
    }

    public String getMilestonesDone() {
        MilestoneTally t = summary.milestones();
        return t.done() + " / " + (t.total() - t.cancelled());
    }

    public long getMilestonesLate() {
        return summary.milestones().late();
    }

    /** Spent of allocated over all agreements shown, against the time elapsed of the first one's budget period. */
    public String getBudgetUsed() {
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        for (BudgetPace p : summary.budgets()) {
            allocated = allocated.add(p.allocated());
            spent = spent.add(p.spent());
        }
        return percent(Percent.of(spent, allocated));
    }

    public String getTimeElapsed() {
        return summary.budgets().isEmpty() ? "–" : percent(summary.budgets().get(0).percentTimeElapsed());
    }

    public String getAsOf() {
        return ui.text("followup.kpi.asOf", getLatestQuarter());
    }

    public String getLateText() {
        return ui.text("followup.kpi.lateMilestones", getMilestonesLate());
    }

    public String getElapsedText() {
        return ui.text("followup.kpi.timeElapsed", getTimeElapsed());
    }
}
