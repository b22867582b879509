package se.iop.common;

import java.util.function.Supplier;

/**
 * No such thing, or none the caller may know of: HTTP 404. It names only the kind of thing asked for
 * ("No expense found"), never an id nor what the thing hangs on, and a thing the caller may not see
 * answers exactly as one that does not exist — so a 404 confirms nothing.
 */
public class NotFound extends DomainException {

    public NotFound(String what) {
        super(null, "error.notFound." + what);
    }

    /**
     * Runs a lookup of what the thing asked for hangs on (its agreement, its phase): if that is missing
     * or hidden from the caller, it is the thing asked for that is not found.
     */
    public static <T> T as(String what, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFound hidden) {
            throw new NotFound(what);
        }
    }
}
