package se.iop.common;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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

    /** The message's arguments, for a report that shows the message later, in the reader's language. */
    public List<Object> args() {
        return args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args));
    }

    public String message(Locale locale) {
        return Messages.format(locale, key, args);
    }
}
