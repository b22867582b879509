package se.iop.budget.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.PartyRole;
import se.iop.budget.boundary.Budgets;
import se.iop.budget.boundary.Disbursements;
import se.iop.budget.boundary.ExpenseData;
import se.iop.budget.boundary.Expenses;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.LineCategory;
import se.iop.budget.entity.Phase;
import se.iop.budget.view.BudgetRows.AllocationRow;
import se.iop.budget.view.BudgetRows.DisbursementRow;
import se.iop.budget.view.BudgetRows.ExpenseRow;
import se.iop.budget.view.BudgetRows.LineRow;
import se.iop.budget.view.BudgetView.LineSection;
import se.iop.budget.view.BudgetView.PhaseSection;
import se.iop.common.Bulk;
import se.iop.common.DomainException;
import se.iop.common.StaleVersion;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Committee;
import se.iop.web.BulkChoice;
import se.iop.web.Formats;
import se.iop.web.Ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What finance records and corrects on the budget page: phases, allocations (reduce or withdraw with a
 * reason), lines (re-plan), co-financing, payments (plan, approve, pay, cancel) and costs (book; correct
 * by reversal). Each dialog keeps what
 * the user typed when the service refuses it, and the refusal names the field; the rules are the
 * domain's. The services check the role again: the buttons are only shown to finance.
 */
@Named
@ViewScoped
public class BudgetActions implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Inject
    private BudgetView view;

    @Inject
    private Budgets budgets;

    @Inject
    private Disbursements disbursements;

    @Inject
    private Expenses expenses;

    @Inject
    private Organisations organisations;

    @Inject
    private Ui ui;

    @Inject
    private Formats formats;

    private PhaseForm phase = new PhaseForm();
    private AllocationForm allocation = new AllocationForm();
    private CorrectionForm correction = new CorrectionForm();
    private LineForm line = new LineForm();
    private ReplanForm replan = new ReplanForm();
    private ContributionForm contribution = new ContributionForm();
    private DisbursementForm disbursement = new DisbursementForm();
    private DisbursementStep step = new DisbursementStep();
    private ExpenseForm expense = new ExpenseForm();
    private ReversalForm reversal = new ReversalForm();

    /** The dialog being filled in; the others render no fields, so the page is not built for all ten. */
    private String open;

    private transient List<SelectItem> committeeChoices;

    // --- phases ----------------------------------------------------------------------------------

    public void startPhase() {
        open = "phase";
        phase = new PhaseForm();
    }

    /** Opens the phase as stored now, remembering the version it was read at. */
    public void startEditPhase(long phaseId) {
        open = "phase";
        Phase p = budgets.phase(phaseId);
        phase = new PhaseForm();
        phase.setId(p.id());
        phase.setVersion(p.version());
        phase.setName(p.name());
        phase.setStartDate(p.startDate());
        phase.setEndDate(p.endDate());
    }

    public void savePhase() {
        PhaseForm f = phase;
        if (f.getId() == null) {
            attempt(() -> budgets.createPhase(view.getId(), f.getName(), f.getStartDate(), f.getEndDate()),
                    "budget.saved.phase", "phaseForm");
        } else {
            attempt(() -> budgets.reschedulePhase(f.getId(), f.getVersion(), f.getName(), f.getStartDate(), f.getEndDate()),
                    "budget.saved.phaseChanged", "phaseForm");
        }
    }

    // --- allocations, lines, co-financing --------------------------------------------------------

    public void startAllocation(long phaseId) {
        open = "allocation";
        allocation = new AllocationForm();
        allocation.setPhaseId(phaseId);
    }

    public void allocate() {
        AllocationForm f = allocation;
        attempt(() -> budgets.allocate(f.getPhaseId(), f.getCommitteeId(), f.getDecisionId(), f.getAmount()),
                "budget.saved.allocation", "allocationForm");
    }

    /** Opens the allocation as the page shows it, with what the phase has committed in payments. */
    public void startCorrection(long phaseId, AllocationRow row) {
        open = "correction";
        correction = new CorrectionForm();
        correction.setPhaseId(phaseId);
        correction.setAllocationId(row.id());
        correction.setVersion(row.version());
        correction.setLabel(row.committee() + (row.decision() == null ? "" : ", " + row.decision()));
        correction.setCurrent(row.amount());
        view.getPhases().stream().filter(p -> p.phase().id() == phaseId).findFirst()
                .ifPresent(p -> correction.setCommitted(p.figures().committed()));
    }

    public void correctAllocation() {
        CorrectionForm f = correction;
        attempt(() -> budgets.reduceAllocation(f.getPhaseId(), f.getAllocationId(), f.getVersion(), f.getAmount(), f.getReason()),
                "budget.saved.correction", "correctionForm");
    }

    public void startLine(long phaseId) {
        open = "line";
        line = new LineForm();
        line.setPhaseId(phaseId);
    }

    public void addLine() {
        LineForm f = line;
        attempt(() -> budgets.addLine(f.getPhaseId(), f.getCategory(), f.getName(), f.getPlanned(), f.getAccount()),
                "budget.saved.line", "lineForm");
    }

    /** Opens the line as the page shows it: a change by someone else since then is refused as stale. */
    public void startReplan(long lineId) {
        open = "replan";
        replan = new ReplanForm();
        for (PhaseSection p : view.getPhases()) {
            for (LineSection ls : p.lines()) {
                LineRow l = ls.line();
                if (l.id() == lineId) {
                    replan.setLineId(l.id());
                    replan.setVersion(l.version());
                    replan.setLineName(l.name());
                    replan.setPlanned(l.planned());
                    replan.setSpent(ls.figures().spent());
                }
            }
        }
    }

    public void saveReplan() {
        ReplanForm f = replan;
        attempt(() -> budgets.replan(f.getLineId(), f.getVersion(), f.getPlanned(), f.getReason()), "budget.saved.replan",
                "replanForm");
    }

    public void startContribution(long phaseId) {
        open = "contribution";
        contribution = new ContributionForm();
        contribution.setPhaseId(phaseId);
    }

    public void contribute() {
        ContributionForm f = contribution;
        attempt(() -> budgets.contribute(f.getPhaseId(), f.getPartyId(), f.getKind(), f.getDescription(), f.getValue(),
                f.getHours()), "budget.saved.contribution", "contributionForm");
    }

    // --- payments --------------------------------------------------------------------------------

    public void startDisbursement(long phaseId) {
        open = "disbursement";
        disbursement = new DisbursementForm();
        disbursement.setPhaseId(phaseId);
    }

    public void planDisbursement() {
        DisbursementForm f = disbursement;
        attempt(() -> disbursements.plan(f.getPhaseId(), f.getPartnerId(), f.getAmount(), f.getPlannedOn(), f.getReference()),
                "budget.saved.disbursement", "disbursementForm");
    }

    /** Approves at the version the page shows: the money is reserved if it still fits the allocation. */
    public void approve(DisbursementRow row) {
        attempt(() -> disbursements.approve(row.id(), row.version()), "budget.saved.approved", null);
    }

    public void startPay(DisbursementRow row) {
        open = "pay";
        step = step(row);
        step.setPaidOn(LocalDate.now(STOCKHOLM));
    }

    public void pay() {
        DisbursementStep f = step;
        attempt(() -> disbursements.pay(f.getDisbursementId(), f.getVersion(), f.getPaidOn()), "budget.saved.paid", "payForm");
    }

    /** Approves the chosen payments, each on its own: the page lists what was approved and what not, and why. */
    public void approveChosen() {
        decideChosen(disbursements::approveAll);
    }

    /** Opens the dialog that pays the chosen payments, dated today unless changed. */
    public void startPayChosen() {
        open = "payChosen";
        step = new DisbursementStep();
        step.setPaidOn(LocalDate.now(STOCKHOLM));
    }

    public void payChosen() {
        LocalDate on = step.getPaidOn();
        decideChosen(items -> disbursements.payAll(items, on));
    }

    private void decideChosen(Function<List<Bulk.Item>, List<Bulk.Outcome>> decision) {
        BulkChoice choice = view.getPaymentChoice();
        Map<Long, String> labels = new HashMap<>();
        view.getDisbursements().forEach(d -> labels.put(d.id(), d.partner() + ", " + formats.money(d.amount()) + ", "
                + formats.date(d.plannedOn())));
        try {
            List<Bulk.Outcome> outcomes = decision.apply(choice.items());
            choice.show(outcomes, id -> labels.getOrDefault(id, "#" + id),
                    state -> ui.text("budget.disbursement.status." + state), ui.locale());
            view.reload();
            ui.message(choice.getRefused() == 0 ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                    "bulk.result", choice.getDone(), choice.getRefused());
        } catch (DomainException e) {
            refused(e, null);
        }
    }

    public void startCancel(DisbursementRow row) {
        open = "cancel";
        step = step(row);
    }

    public void cancelDisbursement() {
        DisbursementStep f = step;
        attempt(() -> disbursements.cancel(f.getDisbursementId(), f.getVersion(), f.getReason()), "budget.saved.cancelled",
                "cancelForm");
    }

    private DisbursementStep step(DisbursementRow row) {
        DisbursementStep s = new DisbursementStep();
        s.setDisbursementId(row.id());
        s.setVersion(row.version());
        s.setLabel(row.partner() + ", " + formats.money(row.amount()) + ", " + formats.date(row.plannedOn()));
        return s;
    }

    // --- costs -----------------------------------------------------------------------------------

    public void startExpense(long phaseId) {
        open = "expense";
        expense = new ExpenseForm();
        expense.setPhaseId(phaseId);
    }

    public void bookExpense() {
        ExpenseForm f = expense;
        attempt(() -> expenses.book(new ExpenseData(f.getPhaseId(), f.getLineId(), f.getPartnerId(), f.getSpentOn(),
                f.getAmount(), f.getDescription(), f.getVoucher())), "budget.saved.expense", "expenseForm");
    }

    public void startReversal(ExpenseRow row) {
        open = "reversal";
        reversal = new ReversalForm();
        reversal.setExpenseId(row.id());
        reversal.setLabel(row.voucher() + ", " + formats.money(row.amount()) + ", " + formats.date(row.spentOn()));
        reversal.setSpentOn(LocalDate.now(STOCKHOLM));
        reversal.setVoucher(row.voucher() + "-R");
    }

    public void reverse() {
        ReversalForm f = reversal;
        attempt(() -> expenses.reverse(f.getExpenseId(), f.getSpentOn(), f.getReason(), f.getVoucher()),
                "budget.saved.reversal", "reversalForm");
    }

    // --- running a change ------------------------------------------------------------------------

    /**
     * Runs one change through the service. On success the page reads the budget again; when a rule
     * refuses it, the message names the field, the field is marked, and the dialog stays open with the
     * user's input.
     */
    private void attempt(Runnable change, String savedKey, String formId) {
        try {
            change.run();
            view.reload();
            ui.message(FacesMessage.SEVERITY_INFO, savedKey);
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "budget.stale");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            refused(e, formId);
        }
    }

    private void refused(DomainException e, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String why = e.message(ui.locale());
        String summary = e.field() == null ? why : fieldLabel(formId, e.field()) + ": " + why;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
        faces.validationFailed();
        if (formId != null && e.field() != null) {
            UIComponent input = faces.getViewRoot().findComponent(":" + formId + ":" + e.field());
            if (input instanceof UIInput in) {
                // Marked invalid, an input shows what was submitted: give it the text exactly as typed.
                Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
                String id = in.getClientId(faces);
                in.setSubmittedValue(params.containsKey(id) ? params.get(id) : params.get(id + "_input"));
                in.setValid(false);
            }
        }
    }

    /**
     * The dialog's own name for a field where it has one (a reversal's reason is its description), then
     * the budget's, then the common one.
     */
    private String fieldLabel(String formId, String field) {
        for (String key : new String[] {"budget.field." + formId + "." + field, "budget.field." + field}) {
            String label = ui.text(key);
            if (!label.equals(key)) {
                return label;
            }
        }
        return ui.fieldLabel(field);
    }

    // --- choices ---------------------------------------------------------------------------------

    /** Committees of the municipalities that are public parties of the agreement. */
    public List<SelectItem> getCommitteeChoices() {
        if (committeeChoices == null) {
            Set<Long> publicParties = agreement().parties().stream().filter(p -> p.role() == PartyRole.PUBLIC_PARTNER)
                    .map(p -> p.organisation().id()).collect(Collectors.toSet());
            Map<String, List<SelectItem>> byOrganisation = new LinkedHashMap<>();
            for (Committee c : organisations.committees()) {
                if (publicParties.contains(c.organisation().id())) {
                    byOrganisation.computeIfAbsent(c.organisation().name(), k -> new ArrayList<>())
                            .add(new SelectItem(c.id(), c.name()));
                }
            }
            List<SelectItem> items = new ArrayList<>();
            byOrganisation.forEach((name, list) -> items.addAll(list));
            committeeChoices = items;
        }
        return committeeChoices;
    }

    /** The agreement's committee decisions, for naming the one behind an allocation. */
    public List<SelectItem> getDecisionChoices() {
        List<SelectItem> items = new ArrayList<>();
        for (CommitteeDecision d : agreement().decisions()) {
            String label = d.committee().name() + " " + formats.date(d.meetingDate())
                    + (d.paragraph() == null ? "" : " " + d.paragraph());
            items.add(new SelectItem(d.id(), label));
        }
        return items;
    }

    /** Non-profit parties, who may be paid. */
    public List<SelectItem> getPartnerChoices() {
        return agreement().parties().stream().filter(p -> p.role() == PartyRole.NON_PROFIT_PARTNER)
                .map(p -> p.organisation()).distinct()
                .map(o -> new SelectItem(o.id(), o.name())).toList();
    }

    /** Every party's organisation, for saying whose cost it is. */
    public List<SelectItem> getOrganisationChoices() {
        return agreement().parties().stream().map(AgreementParty::organisation).distinct()
                .map(o -> new SelectItem(o.id(), o.name())).toList();
    }

    /** Every party, for recording its co-financing. */
    public List<SelectItem> getPartyChoices() {
        return agreement().parties().stream()
                .map(p -> new SelectItem(p.id(), p.organisation().name() + " (" + ui.text("agreement.role." + p.role()) + ")"))
                .toList();
    }

    /** The lines of the phase the cost is booked in. */
    public List<SelectItem> getLineChoices() {
        return view.getPhases().stream().filter(p -> expense.getPhaseId() != null && p.phase().id() == expense.getPhaseId())
                .flatMap(p -> p.phase().lines().stream())
                .map(l -> new SelectItem(l.id(), l.name() + " (" + ui.text("budget.category." + l.category()) + ")")).toList();
    }

    public LineCategory[] getCategories() {
        return LineCategory.values();
    }

    public ContributionKind[] getKinds() {
        return ContributionKind.values();
    }

    /** The name of the phase a dialog works on, for its heading. */
    public String phaseName(Long phaseId) {
        return view.getPhases().stream().filter(p -> phaseId != null && p.phase().id() == phaseId)
                .map(p -> p.phase().name()).findFirst().orElse("");
    }

    private Agreement agreement() {
        return view.getAgreement();
    }

    // --- form state ------------------------------------------------------------------------------

    public String getOpen() {
        return open;
    }

    public PhaseForm getPhase() {
        return phase;
    }

    public AllocationForm getAllocation() {
        return allocation;
    }

    public CorrectionForm getCorrection() {
        return correction;
    }

    public LineForm getLine() {
        return line;
    }

    public ReplanForm getReplan() {
        return replan;
    }

    public ContributionForm getContribution() {
        return contribution;
    }

    public DisbursementForm getDisbursement() {
        return disbursement;
    }

    public DisbursementStep getStep() {
        return step;
    }

    public ExpenseForm getExpense() {
        return expense;
    }

    public ReversalForm getReversal() {
        return reversal;
    }
}
