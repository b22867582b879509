package se.iop.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.iop.common.Amount;
import se.iop.common.DatabaseRefusals;
import se.iop.common.DatabaseUnavailable;
import se.iop.common.DomainException;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.TryAgain;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every failure of the API into a problem detail: domain rules into 404/409/422, bad input into
 * 400 naming the field, a missing role into 403; anything unexpected into a 500 that gives nothing
 * away (the stack trace goes to the server log only).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) '?([A-Za-z0-9_]+)'?");

    @Override
    public Response toResponse(Throwable thrown) {
        if (DatabaseUnavailable.in(thrown)) {
            return unavailable(thrown);
        }
        Throwable e = unwrap(thrown);
        if (e instanceof TryAgain || (!(e instanceof DomainException) && DatabaseRefusals.concurrent(thrown))) {
            // The database gave up on the transaction for a concurrent one (40001, 40P01), also at commit:
            // nothing was stored, and the same request may be sent again.
            return Response.fromResponse(Problem.response(Response.Status.CONFLICT,
                    new TryAgain().message(Locale.ENGLISH), null)).header("Retry-After", "1").build();
        }
        if (e instanceof NotFound nf) {
            return Problem.response(Response.Status.NOT_FOUND, nf.message(Locale.ENGLISH), nf.field());
        }
        if (e instanceof StateConflict sc) {
            return Problem.response(Response.Status.CONFLICT, sc.message(Locale.ENGLISH), sc.field());
        }
        if (e instanceof InvalidInput ii) {
            return Problem.response(422, "Unprocessable Content", ii.message(Locale.ENGLISH), ii.field());
        }
        if (e instanceof DomainException de) {
            return Problem.response(422, "Unprocessable Content", de.message(Locale.ENGLISH), de.field());
        }
        if (e instanceof EJBAccessException) {
            return Problem.response(Response.Status.FORBIDDEN, "Your role does not allow this.", null);
        }
        if (e instanceof ConstraintViolationException cve) {
            ConstraintViolation<?> first = cve.getConstraintViolations().stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElse(null);
            if (first == null) {
                return Problem.response(Response.Status.BAD_REQUEST, "Invalid input.", null);
            }
            String field = propertyOf(first.getPropertyPath());
            String detail = field == null ? "The request body is required." : field + ": " + first.getMessage();
            return Problem.response(Response.Status.BAD_REQUEST, detail, field);
        }
        JsonObjectBodies.UnknownProperty unknown = causeOf(thrown, JsonObjectBodies.UnknownProperty.class);
        if (unknown != null) {
            return Problem.response(Response.Status.BAD_REQUEST,
                    "Unknown property " + unknown.paths() + ": the API takes no such field.", unknown.name());
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            String field = fieldIn(thrown);
            InvalidInput refused = refusedIn(thrown);
            if (refused != null) {
                // A value the JSON reader refused by a domain rule, e.g. an ambiguous amount "12,000".
                String detail = refused.message(Locale.ENGLISH);
                return refused instanceof Amount.Unreadable
                        ? Problem.response(Response.Status.BAD_REQUEST, field == null ? detail : field + ": " + detail, field)
                        : Problem.response(422, "Unprocessable Content", detail, field);
            }
            return Problem.response(Response.Status.BAD_REQUEST,
                    field == null ? "The request body is not valid JSON of the expected shape."
                            : "Field '" + field + "' has a value of the wrong type or format.", field);
        }
        Optional<DomainException> refusal = DatabaseRefusals.of(thrown);
        if (refusal.isPresent()) {
            // Refused by the database only at commit (or outside a service): the same problem as before it.
            return toResponse(refusal.get());
        }
        if (e instanceof WebApplicationException wae) {
            Response r = wae.getResponse();
            return Problem.response(r.getStatus(), r.getStatusInfo().getReasonPhrase(),
                    r.getStatusInfo().getReasonPhrase(), null);
        }
        LOG.log(Level.SEVERE, "Unexpected failure in the API", thrown);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Something went wrong on the server.", null);
    }

    /**
     * The database cannot be reached: nobody's mistake and no defect to trace, so one line in the log (the
     * pool logs the connection failures itself) and 503 with Retry-After; it works again when the database is back.
     */
    public static Response unavailable(Throwable thrown) {
        LOG.warning(() -> "The database is unavailable; answered 503: " + innermost(thrown));
        return problem();
    }

    /** The 503 problem detail, with Retry-After. */
    static Response problem() {
        return Response.fromResponse(Problem.response(503, "Service Unavailable",
                        "The database cannot be reached just now. Nothing was stored; please try again in a while.", null))
                .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
    }

    /** The deepest cause's message, e.g. the driver's "Connection refused". */
    public static String innermost(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof EJBException || t instanceof jakarta.ejb.EJBTransactionRolledbackException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static InvalidInput refusedIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput ii) {
                return ii;
            }
        }
        return null;
    }

    /** JSON-B names the property it failed on in its message; take the innermost one that does. */
    private static String fieldIn(Throwable e) {
        String found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = PROPERTY.matcher(t.getMessage());
                while (m.find()) {
                    found = m.group(1);
                }
            }
        }
        return found;
    }

    /** The input property a violation is about, e.g. {@code title}; null when it is the body itself. */
    private static String propertyOf(Path path) {
        String name = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name;
    }
}
