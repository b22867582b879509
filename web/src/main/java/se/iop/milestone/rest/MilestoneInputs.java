package se.iop.milestone.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.iop.common.InvalidInput;
import se.iop.milestone.boundary.MilestoneData;
import se.iop.milestone.entity.Milestone;
import se.iop.milestone.entity.MilestoneStatus;

import java.time.LocalDate;

/** What clients send to the milestone API, checked for shape before the domain sees it. */
public final class MilestoneInputs {

    private MilestoneInputs() {
    }

    public record MilestoneInput(Long agreementId, @NotBlank @Size(max = Milestone.TITLE_MAX) String title,
                                 @Size(max = Milestone.TEXT_MAX) String description, @NotNull LocalDate dueOn,
                                 @NotNull Long responsibleId, Long phaseId, Long version) {
        public MilestoneData data() {
            return new MilestoneData(title, description, dueOn, responsibleId, phaseId);
        }
    }

    /** A status step: to IN_PROGRESS, DONE (with the day it was reached) or CANCELLED (with a reason). */
    public record StatusInput(@NotBlank @Size(max = 20) String status, LocalDate on, @Size(max = 1000) String reason,
                              Long version) {
        public MilestoneStatus target() {
            try {
                return MilestoneStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "error.milestone.unknownStatus", status);
            }
        }
    }
}
