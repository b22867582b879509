package se.iop.milestone.boundary;

import java.time.LocalDate;

/** A milestone as the administrator writes it: what, when, who is responsible, in which phase (optional). */
public record MilestoneData(String title, String description, LocalDate dueOn, Long responsibleId, Long phaseId) {
}
