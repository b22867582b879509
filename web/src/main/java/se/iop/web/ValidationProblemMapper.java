package se.iop.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean-validation failures of the API as problem details. Needed next to {@link ProblemMapper}: RESTEasy
 * brings its own mapper for {@code ValidationException} (plain text, no field), which is nearer to the
 * exception than a mapper for {@code Throwable} and would win.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    private final ProblemMapper problems = new ProblemMapper();

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return problems.toResponse(e);
    }
}
