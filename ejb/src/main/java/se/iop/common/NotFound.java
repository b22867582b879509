package se.iop.common;

/** No such thing, or none the caller may know of: HTTP 404. */
public class NotFound extends DomainException {
    public NotFound(String what, Object id) {
        super(null, "error.notFound", what, id);
    }
}
