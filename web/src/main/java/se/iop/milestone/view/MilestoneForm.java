package se.iop.milestone.view;

import se.iop.milestone.boundary.MilestoneData;
import se.iop.milestone.entity.Milestone;

import java.io.Serializable;
import java.time.LocalDate;

/** A milestone as the administrator edits it, with the version it was read at. */
public class MilestoneForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private Long version;
    private String title;
    private String description;
    private LocalDate dueOn;
    private Long responsibleId;
    private Long phaseId;

    static MilestoneForm of(Milestone m) {
        MilestoneForm f = new MilestoneForm();
        f.id = m.id();
        f.version = m.version();
        f.title = m.title();
        f.description = m.description();
        f.dueOn = m.dueOn();
        f.responsibleId = m.responsible().id();
        f.phaseId = m.phase() == null ? null : m.phase().id();
        return f;
    }

    MilestoneData data() {
        return new MilestoneData(title, description, dueOn, responsibleId, phaseId);
    }

    public Long getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public Long getResponsibleId() {
        return responsibleId;
    }

    public void setResponsibleId(Long responsibleId) {
        this.responsibleId = responsibleId;
    }

    public Long getPhaseId() {
        return phaseId;
    }

    public void setPhaseId(Long phaseId) {
        this.phaseId = phaseId;
    }
}
