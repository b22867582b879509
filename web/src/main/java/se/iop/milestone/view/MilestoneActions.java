package se.iop.milestone.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.agreement.entity.AgreementParty;
import se.iop.budget.boundary.Budgets;
import se.iop.budget.entity.Phase;
import se.iop.common.DomainException;
import se.iop.common.StaleVersion;
import se.iop.milestone.boundary.Milestones;
import se.iop.milestone.entity.Milestone;
import se.iop.milestone.entity.MilestoneStatus;
import se.iop.report.view.AgreementFollowUp;
import se.iop.web.Ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an administrator does with an agreement's milestones: plans one, changes it, and moves it on
 * (under way, done on a date, cancelled with a reason). Refusals keep what was typed.
 */
@Named
@ViewScoped
public class MilestoneActions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AgreementFollowUp view;

    @Inject
    private Milestones milestones;

    @Inject
    private Budgets budgets;

    @Inject
    private Ui ui;

    private MilestoneForm form = new MilestoneForm();
    private Long stepId;
    private Long stepVersion;
    private MilestoneStatus target;
    private LocalDate on;
    private String reason;

    public void startNew() {
        form = new MilestoneForm();
    }

    public void startEdit(long id) {
        form = MilestoneForm.of(milestones.find(id));
    }

    public void save() {
        if (form.getId() == null) {
            attempt(() -> milestones.create(view.getId(), form.data()), "followup.milestone.saved");
        } else {
            attempt(() -> milestones.revise(form.getId(), form.getVersion(), form.data()), "followup.milestone.saved");
        }
    }

    /** Starts a step; done and cancelled ask for a date or a reason first. */
    public void startStep(long id, String status) {
        Milestone m = milestones.find(id);
        stepId = id;
        stepVersion = m.version();
        target = MilestoneStatus.valueOf(status);
        on = target == MilestoneStatus.DONE ? se.iop.common.Days.today() : null;
        reason = null;
    }

    public void step() {
        attempt(() -> milestones.changeStatus(stepId, stepVersion, target, on, reason), "followup.milestone.saved." + target);
    }

    public void start(long id) {
        startStep(id, "IN_PROGRESS");
        step();
    }

    private void attempt(Runnable change, String savedKey) {
        try {
            change.run();
            view.reload();
            ui.message(FacesMessage.SEVERITY_INFO, savedKey);
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "followup.stale");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    /** The agreement's parties: one of them is responsible. */
    public List<SelectItem> getResponsibleChoices() {
        Map<Long, String> byId = new LinkedHashMap<>();
        for (AgreementParty p : view.getAgreement().parties()) {
            byId.putIfAbsent(p.organisation().id(), p.organisation().name());
        }
        List<SelectItem> items = new ArrayList<>();
        byId.forEach((id, name) -> items.add(new SelectItem(id, name)));
        return items;
    }

    public List<SelectItem> getPhaseChoices() {
        List<SelectItem> items = new ArrayList<>();
        for (Phase p : budgets.phases(view.getId())) {
            items.add(new SelectItem(p.id(), p.name()));
        }
        return items;
    }

    public MilestoneForm getForm() {
        return form;
    }

    public MilestoneStatus getTarget() {
        return target;
    }

    public LocalDate getOn() {
        return on;
    }

    public void setOn(LocalDate on) {
        this.on = on;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
