package se.iop.agreement.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.boundary.LeaveData;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.PartyRole;
import se.iop.common.DomainException;
import se.iop.common.StaleVersion;
import se.iop.partner.boundary.OrganisationQuery;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.web.Formats;
import se.iop.web.Ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an administrator changes on the agreement page: the head and prose, the eligibility checklist,
 * parties, committee decisions, amendments and the status. Each form keeps what the user typed when
 * the service refuses it, so nothing typed is lost; the rules themselves are the domain's.
 */
@Named
@ViewScoped
public class AgreementActions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AgreementView view;

    @Inject
    private Agreements agreements;

    @Inject
    private Organisations organisations;

    @Inject
    private Ui ui;

    @Inject
    private Formats formats;

    private AgreementForm head;
    private EligibilityForm eligibility;
    private PartyForm party = new PartyForm();
    private DecisionForm decision = new DecisionForm();
    private AmendmentForm amendment = new AmendmentForm();
    private Long leavingPartyId;
    private LocalDate leavesOn;
    private String leaveDescription;
    private Long leaveDecisionId;
    private AgreementStatus closing;
    private LocalDate closesOn;
    private String closingReason;

    private transient List<SelectItem> organisationChoices;
    private transient List<SelectItem> committeeChoices;

    // --- head and prose ------------------------------------------------------------------------

    /** Opens the form on what is stored now, and remembers the version it was read at. */
    public void startEdit() {
        view.reload();
        head = AgreementForm.of(agreement(), view.isSigned());
    }

    public void saveHead() {
        attempt(() -> agreements.update(id(), head.getVersion(), head.draft()), "agreement.saved.head");
    }

    // --- eligibility ---------------------------------------------------------------------------

    public void startEligibility() {
        view.reload();
        Agreement a = agreement();
        eligibility = EligibilityForm.of(a.eligibility(), a.version());
    }

    public void saveEligibility() {
        attempt(() -> agreements.assessEligibility(id(), eligibility.getVersion(), eligibility.checklist()),
                "agreement.saved.eligibility");
    }

    // --- parties -------------------------------------------------------------------------------

    public void startParty() {
        party = new PartyForm();
    }

    public void addParty() {
        attempt(() -> agreements.addParty(id(), party.data()), "agreement.saved.party");
    }

    public void removeParty(long partyId) {
        attempt(() -> agreements.removeParty(id(), partyId), "agreement.saved.partyRemoved");
    }

    public void startLeave(long partyId) {
        leavingPartyId = partyId;
        leavesOn = null;
        leaveDescription = null;
        leaveDecisionId = null;
    }

    public void leave() {
        attempt(() -> agreements.partyLeaves(id(), leavingPartyId, new LeaveData(leavesOn, leaveDescription, leaveDecisionId)),
                "agreement.saved.partyLeaves");
    }

    // --- decisions and amendments --------------------------------------------------------------

    public void startDecision() {
        decision = new DecisionForm();
    }

    public void registerDecision() {
        attempt(() -> agreements.registerDecision(id(), decision.data()), "agreement.saved.decision");
    }

    public void startAmendment() {
        amendment = new AmendmentForm();
    }

    public void amend() {
        attempt(() -> agreements.amend(id(), amendment.data()), "agreement.saved.amendment");
    }

    // --- status --------------------------------------------------------------------------------

    /** Decides or activates: steps that need nothing but the agreement as it stands. */
    public void moveTo(String target) {
        AgreementStatus status = AgreementStatus.valueOf(target);
        long version = agreement().version();
        attempt(() -> agreements.changeStatus(id(), version, status, null, null), "agreement.saved.status." + status);
    }

    /** Opens the form for ending or terminating, which need a date (and for terminating, a reason). */
    public void startClose(String target) {
        closing = AgreementStatus.valueOf(target);
        closesOn = null;
        closingReason = null;
    }

    public void close() {
        long version = agreement().version();
        attempt(() -> agreements.changeStatus(id(), version, closing, closesOn, closingReason),
                "agreement.saved.status." + closing);
    }

    /**
     * Runs one change through the service. On success the page reads the agreement again; when a rule
     * refuses it, the message names the field and the dialog stays open with the user's input.
     */
    private void attempt(Runnable change, String savedKey) {
        try {
            change.run();
            view.reload();
            ui.message(FacesMessage.SEVERITY_INFO, savedKey);
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "agreement.stale");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    private Agreement agreement() {
        return view.getAgreement();
    }

    private long id() {
        return view.getId();
    }

    // --- choices -------------------------------------------------------------------------------

    /** Active organisations grouped by kind: municipalities, non-profits, landlords. */
    public List<SelectItem> getOrganisationChoices() {
        if (organisationChoices == null) {
            Map<OrganisationKind, List<SelectItem>> byKind = new LinkedHashMap<>();
            for (OrganisationKind kind : OrganisationKind.values()) {
                byKind.put(kind, new ArrayList<>());
            }
            for (Organisation o : organisations.search(OrganisationQuery.all())) {
                byKind.get(o.kind()).add(new SelectItem(o.id(), o.name()));
            }
            organisationChoices = groups(byKind, kind -> ui.text("agreement.orgKind." + kind));
        }
        return organisationChoices;
    }

    /** Active committees grouped by their municipality. */
    public List<SelectItem> getCommitteeChoices() {
        if (committeeChoices == null) {
            Map<String, List<SelectItem>> byOrganisation = new LinkedHashMap<>();
            for (Committee c : organisations.committees()) {
                byOrganisation.computeIfAbsent(c.organisation().name(), k -> new ArrayList<>())
                        .add(new SelectItem(c.id(), c.name()));
            }
            committeeChoices = groups(byOrganisation, name -> name);
        }
        return committeeChoices;
    }

    private static <K> List<SelectItem> groups(Map<K, List<SelectItem>> items, Function<K, String> label) {
        List<SelectItem> groups = new ArrayList<>();
        items.forEach((key, list) -> {
            if (!list.isEmpty()) {
                groups.add(new SelectItemGroup(label.apply(key), null, false, list.toArray(SelectItem[]::new)));
            }
        });
        return groups;
    }

    /** The agreement's own decisions, for naming the one behind an amendment. */
    public List<SelectItem> getDecisionChoices() {
        List<SelectItem> items = new ArrayList<>();
        for (CommitteeDecision d : agreement().decisions()) {
            String label = formats.date(d.meetingDate()) + " " + d.committee().name()
                    + (d.paragraph() == null ? "" : " " + d.paragraph());
            items.add(new SelectItem(d.id(), label));
        }
        return items;
    }

    public PartyRole[] getRoles() {
        return PartyRole.values();
    }

    // --- form state ----------------------------------------------------------------------------

    public AgreementForm getHead() {
        return head;
    }

    public EligibilityForm getEligibility() {
        return eligibility;
    }

    public PartyForm getParty() {
        return party;
    }

    public DecisionForm getDecision() {
        return decision;
    }

    public AmendmentForm getAmendment() {
        return amendment;
    }

    public Long getLeavingPartyId() {
        return leavingPartyId;
    }

    public LocalDate getLeavesOn() {
        return leavesOn;
    }

    public void setLeavesOn(LocalDate leavesOn) {
        this.leavesOn = leavesOn;
    }

    public String getLeaveDescription() {
        return leaveDescription;
    }

    public void setLeaveDescription(String leaveDescription) {
        this.leaveDescription = leaveDescription;
    }

    public Long getLeaveDecisionId() {
        return leaveDecisionId;
    }

    public void setLeaveDecisionId(Long leaveDecisionId) {
        this.leaveDecisionId = leaveDecisionId;
    }

    public AgreementStatus getClosing() {
        return closing;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(LocalDate closesOn) {
        this.closesOn = closesOn;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public void setClosingReason(String closingReason) {
        this.closingReason = closingReason;
    }
}
