package se.iop.milestone.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.entity.Phase;
import se.iop.common.Text;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.partner.entity.Organisation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the partnership has promised to reach by a date, e.g. "Första hyresgästerna flyttar in",
 * with the party responsible for it. A milestone past its due date and not done is late; every rule
 * that depends on the day takes the day as an argument, so it can be tested on any day.
 */
@Entity
@Table(name = "milestone")
@Audited
@NamedQuery(name = Milestone.BY_AGREEMENT,
        query = "select m from Milestone m join fetch m.responsible left join fetch m.phase"
                + " where m.agreement.id = :agreement order by m.dueOn, m.id")
public class Milestone {

    public static final String BY_AGREEMENT = "Milestone.byAgreement";
    public static final int TITLE_MAX = 300;
    public static final int TEXT_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "phase_id")
    private Phase phase;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(length = TEXT_MAX)
    private String description;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "responsible_id")
    private Organisation responsible;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MilestoneStatus status = MilestoneStatus.PLANNED;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "cancel_reason", length = 1000)
    private String cancelReason;

    protected Milestone() {
    }

    public Milestone(Agreement agreement, Phase phase, String title, String description, LocalDate dueOn,
                     Organisation responsible) {
        if (agreement == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        if (agreement.status().isClosed()) {
            throw new StateConflict("agreementId", "error.agreement.closed", agreement.status());
        }
        this.agreement = agreement;
        describe(phase, title, description, dueOn, responsible);
    }

    /** Changes what the milestone says, when and by whom; only while it is still open. */
    public void revise(Phase newPhase, String newTitle, String newDescription, LocalDate newDueOn,
                       Organisation newResponsible) {
        requireOpen();
        describe(newPhase, newTitle, newDescription, newDueOn, newResponsible);
    }

    private void describe(Phase newPhase, String newTitle, String newDescription, LocalDate newDueOn,
                          Organisation newResponsible) {
        String checkedTitle = Text.required("title", newTitle, TITLE_MAX);
        String checkedDescription = Text.optionalLines("description", newDescription, TEXT_MAX);
        if (newDueOn == null) {
            throw new InvalidInput("dueOn", "error.required");
        }
        if (newResponsible == null) {
            throw new InvalidInput("responsibleId", "error.required");
        }
        if (!agreement.hasParty(newResponsible)) {
            throw new InvalidInput("responsibleId", "error.milestone.responsibleNotParty", newResponsible.name());
        }
        if (newPhase != null && !sameAgreement(newPhase.agreement())) {
            throw new InvalidInput("phaseId", "error.milestone.foreignPhase");
        }
        this.title = checkedTitle;
        this.description = checkedDescription;
        this.dueOn = newDueOn;
        this.responsible = newResponsible;
        this.phase = newPhase;
    }

    // Managed entities are one instance per persistence context; ids tell apart the ones not yet stored.
    private boolean sameAgreement(Agreement other) {
        return other == agreement || (other != null && other.id() != null && other.id().equals(agreement.id()));
    }

    public void start() {
        step(MilestoneStatus.IN_PROGRESS);
        status = MilestoneStatus.IN_PROGRESS;
    }

    /** Reached on the given day, which cannot lie after today. */
    public void complete(LocalDate on, LocalDate today) {
        step(MilestoneStatus.DONE);
        if (on == null) {
            throw new InvalidInput("completedOn", "error.required");
        }
        if (on.isAfter(today)) {
            throw new InvalidInput("completedOn", "error.milestone.completedInFuture");
        }
        completedOn = on;
        status = MilestoneStatus.DONE;
    }

    public void cancel(String reason) {
        step(MilestoneStatus.CANCELLED);
        cancelReason = Text.requiredLines("reason", reason, 1000);
        status = MilestoneStatus.CANCELLED;
    }

    /** The one entry point for a status change by name, as the API and the UI ask for it. */
    public void moveTo(MilestoneStatus target, LocalDate on, String reason, LocalDate today) {
        if (target == null) {
            throw new InvalidInput("status", "error.required");
        }
        switch (target) {
            case IN_PROGRESS -> start();
            case DONE -> complete(on, today);
            case CANCELLED -> cancel(reason);
            case PLANNED -> step(MilestoneStatus.PLANNED);
        }
    }

    private void step(MilestoneStatus target) {
        if (!status.canMoveTo(target)) {
            throw new StateConflict("status", "error.milestone.transition", status, target);
        }
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new StateConflict("status", "error.milestone.closed", status);
        }
    }

    /** Late: still open on a day after its due date. */
    public boolean isLate(LocalDate today) {
        return status.isOpen() && today.isAfter(dueOn);
    }

    /** Reached, but after its due date. */
    public boolean doneLate() {
        return status == MilestoneStatus.DONE && completedOn.isAfter(dueOn);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", title);
        s.put("description", description);
        s.put("dueOn", dueOn);
        s.put("responsible", responsible.name());
        s.put("phase", phase == null ? null : phase.name());
        s.put("status", status);
        s.put("completedOn", completedOn);
        s.put("cancelReason", cancelReason);
        return s;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Agreement agreement() {
        return agreement;
    }

    public Phase phase() {
        return phase;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Organisation responsible() {
        return responsible;
    }

    public MilestoneStatus status() {
        return status;
    }

    public LocalDate completedOn() {
        return completedOn;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
