package se.iop.common;

/** What was asked does not fit the thing's present state (a status step not allowed, a duplicate): HTTP 409. */
public class StateConflict extends DomainException {
    public StateConflict(String field, String key, Object... args) {
        super(field, key, args);
    }
}
