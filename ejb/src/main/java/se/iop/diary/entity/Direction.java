package se.iop.diary.entity;

/** Whether a registered document came in, went out, or was drawn up within the municipality. */
public enum Direction {
    INCOMING, OUTGOING, DRAWN_UP
}
