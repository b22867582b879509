package se.iop.landlord.entity;

/**
 * Where an offered flat stands on its way to becoming someone's home: offered, matched with a person the
 * partner works with, moved in, the second-hand lease taken over in the tenant's own name; or taken out of
 * the programme (withdrawn before anyone moved in, or ended after). No stage holds anything of the tenant.
 */
public enum FlatStage {
    OFFERED, MATCHED, MOVED_IN, LEASE_TAKEN_OVER, WITHDRAWN, ENDED;

    /** After these nothing happens but a correction with a reason. */
    public boolean closed() {
        return this == LEASE_TAKEN_OVER || this == WITHDRAWN || this == ENDED;
    }

    /** The stages of the way forward, in their order; WITHDRAWN and ENDED leave it. */
    public boolean onTheWay() {
        return this != WITHDRAWN && this != ENDED;
    }

    /** The next stage forward, or null at the end of the way or off it. */
    public FlatStage next() {
        return switch (this) {
            case OFFERED -> MATCHED;
            case MATCHED -> MOVED_IN;
            case MOVED_IN -> LEASE_TAKEN_OVER;
            default -> null;
        };
    }
}
