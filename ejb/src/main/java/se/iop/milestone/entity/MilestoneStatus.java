package se.iop.milestone.entity;

import java.util.EnumSet;
import java.util.Set;

/** Where a milestone stands: planned, under way, reached, or given up. Done and cancelled are final. */
public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public Set<MilestoneStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(IN_PROGRESS, DONE, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(DONE, CANCELLED);
            case DONE, CANCELLED -> EnumSet.noneOf(MilestoneStatus.class);
        };
    }

    public boolean canMoveTo(MilestoneStatus target) {
        return next().contains(target);
    }

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
