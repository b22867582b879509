package se.iop.common;

import jakarta.ejb.ApplicationException;

import java.util.Locale;

/**
 * A business rule refused what was asked. Carries the field it concerns (or null) and a message key
 * that the UI shows in the user's language and the API in problem details. Thrown through EJB
 * boundaries as is, rolling the transaction back so nothing half-written stays.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] args;

    protected DomainException(String field, String key, Object... args) {
        super(Messages.format(Locale.ENGLISH, key, args));
        this.field = field;
        this.key = key;
        this.args = args;
    }

    /** The input field the problem is about, e.g. {@code organisationNumber}; null when none. */
    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    /** The values the message names, e.g. a limit; for callers that report the problem elsewhere (an import's row). */
    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }

    public String message(Locale locale) {
        return Messages.format(locale, key, args);
    }
}
