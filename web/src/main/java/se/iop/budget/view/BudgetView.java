package se.iop.budget.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.boundary.BudgetOverviews.BudgetOverview;
import se.iop.budget.boundary.BudgetOverviews;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.boundary.BudgetSummary.Forecast;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.budget.boundary.BudgetSummaries;
import se.iop.budget.boundary.Expenses;
import se.iop.budget.view.BudgetRows.DisbursementRow;
import se.iop.budget.view.BudgetRows.ExpenseRow;
import se.iop.budget.view.BudgetRows.LineRow;
import se.iop.budget.view.BudgetRows.PhaseRow;
import se.iop.common.NotFound;
import se.iop.common.Percent;
import se.iop.web.Formats;
import se.iop.web.Ids;
import se.iop.web.BulkChoice;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One agreement's budget on one screen: where the money stands in total, per phase, committee, partner
 * and line, with co-financing, charts, the forecast and the transactions. Every figure is from the one
 * summary query; what finance may change is in {@link BudgetActions}.
 */
@Named
@ViewScoped
public class BudgetView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Rows of the costs table, as the page's paginator shows them. */
    public static final int EXPENSE_PAGE = 15;

    @Inject
    private Viewer viewer;

    @Inject
    private BudgetOverviews overviews;

    @Inject
    private Expenses expenses;

    @Inject
    private BudgetSummaries summaries;

    @Inject
    private Ui ui;

    @Inject
    private Formats formats;

    /** The agreement request parameter as given; read once, when the page is opened. */
    @Inject
    @Param(name = "agreement")
    private String agreementParam;

    private Long id;
    private boolean found;
    private boolean forbidden;
    private String title;
    private String reference;
    private ExpenseModel expenseModel;
    /** The payments chosen for one approval or payment of several (finance). */
    private final BulkChoice paymentChoice = new BulkChoice();

    // Read again after a session is restored rather than stored in it.
    private transient BudgetOverview overview;
    private transient List<PhaseSection> phases;
    private transient List<DisbursementRow> disbursementRows;
    private transient String[] charts;

    /** A phase as stored, with its figures and those of its lines. */
    public record PhaseSection(PhaseRow phase, Figures figures, List<LineSection> lines) {
    }

    public record LineSection(LineRow line, Figures figures) {
    }

    @PostConstruct
    void load() {
        found = false;
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (!viewer.isFollowUp()) {
            forbidden = true;
            external.setResponseStatus(403);
            return;
        }
        id = Ids.parse(agreementParam);
        if (id != null) {
            try {
                expenseModel = new ExpenseModel(id, expenses);
                read();
                title = overview.agreement().title();
                reference = overview.agreement().reference();
                found = true;
            } catch (NotFound e) {
                overview = null;
            }
        }
        if (!found) {
            // The page still renders its friendly message; the status tells clients it is missing.
            external.setResponseStatus(404);
        }
    }

    /** Forgets what was read, so the page shows what is stored now. */
    public void reload() {
        overview = null;
        phases = null;
        disbursementRows = null;
        charts = null;
        if (expenseModel != null) {
            expenseModel.forget();
        }
    }

    private BudgetOverview overview() {
        if (overview == null && found) {
            read();
        }
        return overview;
    }

    // The first page of costs comes with the overview; the table asks the database for the others.
    private void read() {
        overview = overviews.of(id, EXPENSE_PAGE);
        expenseModel.preload(overview.expenseCount(), overview.expenses().stream().map(ExpenseRow::of).toList());
    }

    public Agreement getAgreement() {
        return found ? overview().agreement() : null;
    }

    public BudgetSummary getSummary() {
        return found ? overview().summary() : null;
    }

    /** A partner's own share: granted (approved disbursements), paid and the costs it booked; null for others. */
    public Figures getOwnShare() {
        return found && viewer.isPartner() ? summaries.ownShare(getSummary()) : null;
    }

    public Figures getTotal() {
        return getSummary().total();
    }

    public Forecast getForecast() {
        return getSummary().forecast();
    }

    /** The phases as stored, each with its figures and its lines' figures from the summary. */
    public List<PhaseSection> getPhases() {
        if (phases == null && found) {
            BudgetSummary s = getSummary();
            Map<Long, Figures> phaseFigures = s.phases().stream().collect(Collectors.toMap(Figures::id, Function.identity()));
            Map<Long, Figures> lineFigures = s.lines().stream().collect(Collectors.toMap(Figures::id, Function.identity()));
            // A phase or line stored between the two reads has no figures yet: it shows as zero.
            phases = overview().phases().stream().map(PhaseRow::of)
                    .map(p -> new PhaseSection(p, phaseFigures.getOrDefault(p.id(), zero(p.id(), p.name())), p.lines().stream()
                            .map(l -> new LineSection(l, lineFigures.getOrDefault(l.id(), zero(l.id(), l.name())))).toList()))
                    .toList();
        }
        return phases == null ? List.of() : phases;
    }

    private static Figures zero(long rowId, String label) {
        BigDecimal none = BigDecimal.ZERO.setScale(2);
        return Figures.of(rowId, null, label, null, none, none, none, none, none, null, null);
    }

    public BulkChoice getPaymentChoice() {
        return paymentChoice;
    }

    public List<DisbursementRow> getDisbursements() {
        if (disbursementRows == null && found) {
            disbursementRows = overview().disbursements().stream().map(DisbursementRow::of).toList();
            disbursementRows.forEach(d -> paymentChoice.shown(d.id(), d.version()));
        }
        return disbursementRows == null ? List.of() : disbursementRows;
    }

    public LazyDataModel<ExpenseRow> getExpenses() {
        return expenseModel;
    }

    public int getExpensePage() {
        return EXPENSE_PAGE;
    }

    // --- charts ----------------------------------------------------------------------------------

    public String getSpendingChart() {
        return charts()[0];
    }

    public String getLineChart() {
        return charts()[1];
    }

    public String getFundingChart() {
        return charts()[2];
    }

    /** The three charts' configurations, made once per reading of the budget (each may be null). */
    private String[] charts() {
        if (charts == null) {
            BudgetSummary s = getSummary();
            charts = s == null ? new String[3] : new String[] {BudgetCharts.spending(s, ui::text),
                    BudgetCharts.lines(s, ui::text), BudgetCharts.funding(s, ui::text)};
        }
        return charts;
    }

    /** What the spending chart shows, in one sentence, for those who cannot see it. */
    public String getSpendingChartLabel() {
        Figures t = getTotal();
        return ui.text("budget.chart.spendingLabel", formats.money(t.spent()), formats.money(t.planned()),
                formats.money(t.allocated()));
    }

    // --- what the page says about the figures ----------------------------------------------------

    /** The forecast in words: when the money runs out at the rate so far, and whether that is too early. */
    public String getForecastText() {
        Forecast f = getForecast();
        Figures t = getTotal();
        if (f.perDay() == null || f.runsOutOn() == null) {
            return ui.text("budget.forecast.none");
        }
        if (t.spent().compareTo(t.allocated()) >= 0) {
            return ui.text("budget.forecast.spent");
        }
        // Decades ahead at a trickle is no date to plan by: then it only says that the money lasts.
        boolean farBeyond = t.end() != null && f.runsOutOn().isAfter(t.end().plusYears(1));
        String key = f.beforeEnd() ? "budget.forecast.early" : farBeyond ? "budget.forecast.lastsLong" : "budget.forecast.lasts";
        return ui.text(key, formats.money(f.perDay()), formats.date(f.runsOutOn()), formats.date(t.end()));
    }

    /** The forecast warns when the money runs out before the budget period ends, or already has. */
    public boolean isForecastWarning() {
        Forecast f = getForecast();
        Figures t = getTotal();
        return f.perDay() != null && (f.beforeEnd() || t.spent().compareTo(t.allocated()) >= 0);
    }

    public long getOverSpentLines() {
        return getSummary().lines().stream().filter(Figures::overSpent).count();
    }

    public long getOverPlannedPhases() {
        return getSummary().phases().stream().filter(Figures::overPlanned).count();
    }

    /** A part of a whole in percent, one decimal, e.g. a committee's share of all allocations. */
    public BigDecimal share(BigDecimal part, BigDecimal whole) {
        return Percent.of(part, whole);
    }

    /** A percentage with one decimal as the user's language writes it, e.g. "98,5 %". */
    public String percent(BigDecimal value) {
        return Percent.format(value, ui.locale());
    }

    /** Width of a usage bar, 0–100. */
    public String bar(BigDecimal percent) {
        if (percent == null) {
            return "0";
        }
        return percent.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).toPlainString();
    }

    /** Approved but not yet paid: reserved in the allocation. */
    public BigDecimal approvedUnpaid(Figures f) {
        return f.committed().subtract(f.paid());
    }

    /** Left of the allocation to approve for payment. */
    public BigDecimal leftToPay(Figures f) {
        return f.allocated().subtract(f.committed());
    }

    /** The kinds of a party's co-financing ("MONEY,PREMISES") in words. */
    public String kinds(String detail) {
        if (detail == null || detail.isBlank()) {
            return "–";
        }
        return Arrays.stream(detail.split(",")).map(k -> ui.text("budget.kind." + k.strip()))
                .collect(Collectors.joining(", "));
    }

    public String format(String key, Object... values) {
        return ui.text(key, values);
    }

    // --- who may do what -------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public boolean isFound() {
        return found;
    }

    public boolean isForbidden() {
        return forbidden;
    }

    public String getTitle() {
        return title;
    }

    public String getReference() {
        return reference;
    }

    /** The agreement's costs, newest first, a page at a time from the database. */
    static class ExpenseModel extends LazyDataModel<ExpenseRow> {

        private static final long serialVersionUID = 1L;

        private final long agreementId;
        private final Expenses expenses;
        private transient Long preloadedCount;
        private transient List<ExpenseRow> preloadedFirstPage;

        ExpenseModel(long agreementId, Expenses expenses) {
            this.agreementId = agreementId;
            this.expenses = expenses;
        }

        /** The count and first page already read with the overview, used once instead of asking again. */
        void preload(long count, List<ExpenseRow> firstPage) {
            preloadedCount = count;
            preloadedFirstPage = firstPage;
        }

        /** What was preloaded is not to be shown any more: the next page comes from the database. */
        void forget() {
            preloadedCount = null;
            preloadedFirstPage = null;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            long count = preloadedCount != null ? preloadedCount : expenses.countOfAgreement(agreementId);
            preloadedCount = null;
            return (int) Math.min(Integer.MAX_VALUE, count);
        }

        @Override
        public List<ExpenseRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<ExpenseRow> preloaded = preloadedFirstPage;
            preloadedFirstPage = null;
            if (preloaded != null && first == 0 && pageSize == EXPENSE_PAGE) {
                return preloaded;
            }
            return expenses.ofAgreement(agreementId, first, pageSize).stream().map(ExpenseRow::of).toList();
        }

        @Override
        public String getRowKey(ExpenseRow row) {
            return Long.toString(row.id());
        }
    }
}
