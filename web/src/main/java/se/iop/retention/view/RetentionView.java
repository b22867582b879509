package se.iop.retention.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.agreement.boundary.AgreementBrief;
import se.iop.agreement.boundary.Agreements;
import se.iop.common.DomainException;
import se.iop.retention.boundary.Retention;
import se.iop.retention.boundary.RetentionRecords.Act;
import se.iop.retention.boundary.RetentionRecords.ActDetail;
import se.iop.retention.boundary.RetentionRecords.Due;
import se.iop.retention.boundary.RetentionRecords.Hold;
import se.iop.retention.boundary.RetentionRecords.Item;
import se.iop.retention.boundary.RetentionRecords.PlanEntry;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The retention page: the document plan (administrators change a type's retention, auditors read it), legal holds
 * on agreements, what disposal would remove now with a check box per item, disposal of the chosen items as one act
 * after a confirmation, and the acts made. The rules are the {@link Retention} service's; the view keeps only ids
 * and what was typed.
 */
@Named
@ViewScoped
public class RetentionView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String PLAN_FORM = "planForm";
    static final String HOLD_FORM = "holdForm";
    static final String LABELS = "retention.field.";

    @Inject
    private Retention retention;

    @Inject
    private Agreements agreements;

    @Inject
    private Viewer viewer;

    @Inject
    private Ui ui;

    private transient List<PlanEntry> plan;
    private transient List<Hold> holds;
    private transient List<Due> due;
    private transient List<Act> acts;
    private transient List<AgreementBrief> agreementChoices;
    private transient ActDetail shownAct;

    // the plan row being changed
    private String documentType;
    private long planVersion;
    private String planRetention;
    private Integer planYears;

    // a new legal hold
    private Long holdAgreement;
    private String holdReason;

    // what disposal would remove: the filter and the chosen items, by key
    private String filter;
    private final Map<String, Boolean> chosen = new LinkedHashMap<>();
    private List<String> toDispose = List.of();
    private Long shownActId;

    public List<PlanEntry> getPlan() {
        if (plan == null) {
            plan = retention.plan();
        }
        return plan;
    }

    public List<Hold> getHolds() {
        if (holds == null) {
            holds = retention.holds();
        }
        return holds;
    }

    /** What disposal would remove now, narrowed to the filter's agreement reference or subject. */
    public List<Due> getDue() {
        if (due == null) {
            due = retention.preview();
        }
        if (filter == null || filter.isBlank()) {
            return due;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return due.stream().filter(d -> contains(d.agreementReference(), f) || contains(d.subject(), f)).toList();
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part);
    }

    public List<Act> getActs() {
        if (acts == null) {
            acts = retention.acts();
        }
        return acts;
    }

    /** The agreements a hold can be placed on (only administrators place holds). */
    public List<AgreementBrief> getAgreementChoices() {
        if (agreementChoices == null) {
            agreementChoices = viewer.isAdmin() ? agreements.briefs() : List.of();
        }
        return agreementChoices;
    }

    // --- the plan ---------------------------------------------------------------------------------------------

    /** The plan row as it reads: "Permanent", "10 years after the agreement ends", … */
    public String retentionText(PlanEntry p) {
        return ui.text("retention.retention." + p.retention(), p.years() == null ? 0 : p.years());
    }

    /** A type whose retention can be changed (agreements and decisions are kept for good). */
    public boolean changeable(PlanEntry p) {
        return viewer.isAdmin() && p.allowedRetentions().size() > 1;
    }

    public void startChange(String type) {
        PlanEntry p = getPlan().stream().filter(e -> e.documentType().equals(type)).findFirst().orElseThrow();
        documentType = p.documentType();
        planVersion = p.version();
        planRetention = p.retention();
        planYears = p.years();
    }

    public List<String> getRetentionChoices() {
        if (documentType == null) {
            return List.of();
        }
        return getPlan().stream().filter(e -> e.documentType().equals(documentType)).findFirst()
                .map(PlanEntry::allowedRetentions).orElse(List.of());
    }

    public boolean isYearsNeeded() {
        return planRetention != null && !"PERMANENT".equals(planRetention);
    }

    public void changePlan() {
        try {
            retention.changePlan(documentType, planRetention, isYearsNeeded() ? planYears : null, planVersion);
            plan = null;
            due = null;
            ui.message(FacesMessage.SEVERITY_INFO, "retention.plan.saved", ui.text("retention.type." + documentType));
        } catch (DomainException e) {
            ui.refused(e, PLAN_FORM, LABELS);
        }
    }

    // --- legal holds ------------------------------------------------------------------------------------------

    public void placeHold() {
        if (holdAgreement == null) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    ui.text("retention.field.agreement") + ": " + ui.text("retention.hold.chooseAgreement"), null));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            Hold h = retention.placeHold(holdAgreement, holdReason);
            holds = null;
            due = null;
            holdAgreement = null;
            holdReason = null;
            ui.message(FacesMessage.SEVERITY_INFO, "retention.hold.placed", h.agreementReference());
        } catch (DomainException e) {
            ui.refused(e, HOLD_FORM, LABELS);
        }
    }

    public void liftHold(long agreementId) {
        try {
            String reference = getHolds().stream().filter(h -> h.agreementId() == agreementId).map(Hold::agreementReference)
                    .findFirst().orElse(Long.toString(agreementId));
            retention.liftHold(agreementId);
            holds = null;
            due = null;
            ui.message(FacesMessage.SEVERITY_INFO, "retention.hold.lifted", reference);
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    // --- disposal ---------------------------------------------------------------------------------------------

    public static String key(Due d) {
        return d.documentType() + ":" + d.recordId();
    }

    /** Ticks every item shown that may be disposed of (none under a legal hold). */
    public void chooseAll() {
        getDue().stream().filter(d -> !d.held()).forEach(d -> chosen.put(key(d), Boolean.TRUE));
    }

    public void chooseNone() {
        chosen.clear();
    }

    /** The chosen items, to be confirmed; nothing chosen is said at once. */
    public void prepareDisposal() {
        toDispose = chosen.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
        if (toDispose.isEmpty()) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    ui.text("retention.due.noneChosen"), null));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** What the confirmation lists: per document type how many of the chosen items. */
    public String getToDisposeSummary() {
        Map<String, Integer> perType = new LinkedHashMap<>();
        toDispose.forEach(k -> perType.merge(k.substring(0, k.indexOf(':')), 1, Integer::sum));
        return countsText(perType);
    }

    public int getToDisposeCount() {
        return toDispose.size();
    }

    public void dispose() {
        List<Item> items = new ArrayList<>();
        for (String k : toDispose) {
            int colon = k.indexOf(':');
            items.add(new Item(k.substring(0, colon), Long.parseLong(k.substring(colon + 1))));
        }
        try {
            Act act = retention.dispose(items);
            chosen.clear();
            toDispose = List.of();
            due = null;
            acts = null;
            ui.message(FacesMessage.SEVERITY_INFO, "retention.disposed", act.items(), act.id());
        } catch (DomainException e) {
            ui.refused(e);
            due = null;
        }
    }

    /** An act's counts per type in the reader's language: "Verksamhetsrapport 1, Bilaga till rapport 2". */
    public String summary(Act a) {
        return countsText(a.countsPerType());
    }

    private String countsText(Map<String, Integer> perType) {
        List<String> parts = new ArrayList<>();
        perType.forEach((type, n) -> parts.add(ui.text("retention.type." + type) + " " + n));
        return String.join(", ", parts);
    }

    public void showAct(long id) {
        shownActId = id;
        shownAct = null;
    }

    public ActDetail getShownAct() {
        if (shownAct == null && shownActId != null) {
            try {
                shownAct = retention.act(shownActId);
            } catch (DomainException e) {
                ui.refused(e);
                shownActId = null;
            }
        }
        return shownAct;
    }

    // --- fields -----------------------------------------------------------------------------------------------

    public Map<String, Boolean> getChosen() {
        return chosen;
    }

    public String getDocumentType() {
        return documentType;
    }

    public String getPlanRetention() {
        return planRetention;
    }

    public void setPlanRetention(String planRetention) {
        this.planRetention = planRetention;
    }

    public Integer getPlanYears() {
        return planYears;
    }

    public void setPlanYears(Integer planYears) {
        this.planYears = planYears;
    }

    public Long getHoldAgreement() {
        return holdAgreement;
    }

    public void setHoldAgreement(Long holdAgreement) {
        this.holdAgreement = holdAgreement;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public void setHoldReason(String holdReason) {
        this.holdReason = holdReason;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
