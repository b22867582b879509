package se.iop.milestone.rest;

import se.iop.common.Days;
import se.iop.milestone.entity.Milestone;
import se.iop.milestone.entity.MilestoneStatus;

import java.time.LocalDate;

/** A milestone as the API shows it; {@code late} as of today in Sweden. */
public record MilestoneJson(Long id, long version, Long agreementId, Long phaseId, String phaseName, String title,
                            String description, LocalDate dueOn, Long responsibleId, String responsibleName,
                            MilestoneStatus status, LocalDate completedOn, String cancelReason, boolean late,
                            boolean doneLate) {

    public static MilestoneJson of(Milestone m) {
        return new MilestoneJson(m.id(), m.version(), m.agreement().id(), m.phase() == null ? null : m.phase().id(),
                m.phase() == null ? null : m.phase().name(), m.title(), m.description(), m.dueOn(),
                m.responsible().id(), m.responsible().name(), m.status(), m.completedOn(), m.cancelReason(),
                m.isLate(Days.today()), m.doneLate());
    }
}
