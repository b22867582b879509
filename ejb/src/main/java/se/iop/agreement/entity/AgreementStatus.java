package se.iop.agreement.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an IOP: drafted, decided by the committees, in force, then ended at its term or
 * terminated early. Steps only go forward.
 */
public enum AgreementStatus {
    DRAFT, DECIDED, ACTIVE, ENDED, TERMINATED;

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
