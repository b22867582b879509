package se.iop.common;

/** A value breaks a rule of the domain (a check digit, a period ending before it starts): HTTP 422. */
public class InvalidInput extends DomainException {
    public InvalidInput(String field, String key, Object... args) {
        super(field, key, args);
    }
}
