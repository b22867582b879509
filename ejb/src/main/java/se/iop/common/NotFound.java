package se.iop.common;

/** No such thing, or none the caller may know of: HTTP 404. */
public class NotFound extends DomainException {
    public NotFound(String what, Object id) {
        super(null, "error.notFound", what, String.valueOf(id)); // an id reads "1234", not "1,234"
    }
}
