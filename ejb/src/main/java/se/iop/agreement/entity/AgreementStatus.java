package se.iop.agreement.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an IOP: drafted, decided by the committees, in force, then ended at its term or
 * terminated early. Steps only go forward.
 */
public enum AgreementStatus {
    DRAFT, DECIDED, ACTIVE, ENDED, TERMINATED;

    /**
     * "An agreement in force" as follow-up means it, said once: one that is in force (ACTIVE) or was and has
     * since ended or been terminated. Drafted and decided agreements are not yet: partners report nothing on
     * them, and the dashboard neither lists nor counts them. It is the status alone, not the dates: an
     * agreement put in force before its start date is in force by decision (reports fall due only for quarters
     * that are over).
     */
    public static final Set<AgreementStatus> IN_FORCE_OR_WAS = Collections.unmodifiableSet(EnumSet.of(ACTIVE, ENDED, TERMINATED));

    /** Whether an agreement in this status is or was in force ({@link #IN_FORCE_OR_WAS}). */
    public boolean hasBeenInForce() {
        return IN_FORCE_OR_WAS.contains(this);
    }

    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(DECIDED);
            case DECIDED -> EnumSet.of(ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(ENDED, TERMINATED);
            case ENDED, TERMINATED -> EnumSet.noneOf(AgreementStatus.class);
        };
    }

    public boolean canMoveTo(AgreementStatus target) {
        return next().contains(target);
    }

    public boolean isClosed() {
        return this == ENDED || this == TERMINATED;
    }
}
