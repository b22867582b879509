package se.iop.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import se.iop.common.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the OpenAPI document at /openapi complete by construction, so no resource method can forget it:
 * an {@code operationId} for every operation (its resource and method, camelCase), the problem responses
 * each can give with the shared {@code Problem} schema, the security schemes the API accepts and the
 * requirement of them, and the server from {@code IOP_PUBLIC_URL}. Summaries are written on the resource
 * methods ({@code @Operation}); a test lints the served document.
 */
public class ApiDocument implements OASFilter {

    public static final String PROBLEM = "Problem";
    private static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    private static final String IDEMPOTENCY_KEY_REF = "#/components/parameters/" + IDEMPOTENCY_KEY;
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /**
     * The schemes the API accepts, any one of them: an API token, a configured provider's access token, HTTP Basic
     * (where the installation has it on) or the web UI's session cookie.
     */
    private static Map<String, SecurityScheme> schemes() {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put("apiToken", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token issued by an administrator for an account (Authorization: Bearer iop_…): "
                        + "read-only or with the account's roles, until its last day or until revoked. No session is kept."));
        schemes.put("oidcAccessToken", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token (JWT) of an OpenID Connect provider this installation trusts for the API "
                        + "(IOP_OIDC_<ID>_AUDIENCE), e.g. from the client credentials grant of a machine client whose "
                        + "subject an administrator linked to an account (POST /api/accounts/{accountId}/identities). "
                        + "Checked on each request; no session is kept."));
        schemes.put("basicAuth", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("HTTP Basic with the user name and password of an account (the web UI's accounts), only "
                        + "where the installation has it on (IOP_API_BASIC; the demo does). Each request checks the "
                        + "password, which takes time: use an API token."));
        schemes.put("sessionCookie", OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("The session cookie of a sign-in to the web UI. A write (POST, PUT, DELETE) with the "
                        + "cookie must also carry the header X-IOP-Request, which a cross-site form cannot send."));
        return schemes;
    }

    private static final String DESCRIPTION = "Organisations, agreements (IOP) and their decisions and amendments, "
            + "budgets (phases, allocations, lines, payments, costs), milestones, activity reports and outcomes, landlords "
            + "and their information packets, and the landlord portal. Authenticate with an API token, a trusted provider's "
            + "access token, HTTP Basic (where on) or the web UI's session cookie (see the security schemes); each role sees only what it may. Errors are RFC 9457 problem "
            + "details (application/problem+json) naming the field; updates take the version in the body or an "
            + "If-Match header.";

    /** What each problem status means in this API. */
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "Malformed request: not JSON of the expected shape, a value of the wrong type, a "
                + "required field missing or too long, a property the API does not know, or a malformed "
                + "Idempotency-Key; `field` names it.");
        PROBLEMS.put("401", "Not signed in: no credentials, or wrong ones.");
        PROBLEMS.put("403", "Your role does not allow this.");
        PROBLEMS.put("404", "No such resource, or none that you may see.");
        PROBLEMS.put("409", "Conflict: a stale version (If-Match or `version`), a state that does not allow this, "
                + "a limit of the budget, or a concurrent change or a request with the same Idempotency-Key still "
                + "running (then with Retry-After: send it again).");
        PROBLEMS.put("422", "A rule refused the input, or the Idempotency-Key was used for another request; `field` "
                + "names the field (or the header) and `detail` says why.");
        PROBLEMS.put("503", "The database cannot be reached just now; send the request again after the seconds in "
                + "Retry-After. Nothing was changed.");
    }

    private final ClosedRequestBodies closedBodies = new ClosedRequestBodies();

    @Override
    public void filterOpenAPI(OpenAPI api) {
        closedBodies.filterOpenAPI(api);
        api.setInfo(OASFactory.createInfo().title("IOP – Bostad först").version("1").description(DESCRIPTION));
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        components.addParameter(IDEMPOTENCY_KEY, idempotencyKey());
        Map<String, SecurityScheme> schemes = schemes();
        schemes.forEach(components::addSecurityScheme);
        api.setSecurity(schemes.keySet().stream()
                .map(name -> OASFactory.createSecurityRequirement().addScheme(name)).toList());
        String url = Settings.publicUrl().toString();
        api.setServers(List.of(OASFactory.createServer().url(url.substring(0, url.length() - 1))
                .description("This installation (IOP_PUBLIC_URL)")));
        if (api.getPaths() == null) {
            return;
        }
        Set<String> tags = new TreeSet<>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, op) -> {
                    if (op.getTags() == null || op.getTags().isEmpty()) {
                        String tag = tag(op.getOperationId());
                        if (tag != null) {
                            op.addTag(tag);
                        }
                    }
                    if (op.getTags() != null) {
                        tags.addAll(op.getTags());
                    }
                    op.setOperationId(operationId(op.getOperationId()));
                    if (path.startsWith("/api/public/") || path.startsWith("/public/")) {
                        // Public records (web.xml leaves /api/public/* open): an empty requirement, i.e. no credentials needed.
                        op.setSecurity(List.of(OASFactory.createSecurityRequirement()));
                    }
                    if (method == PathItem.HttpMethod.POST) {
                        op.addParameter(OASFactory.createParameter().ref(IDEMPOTENCY_KEY_REF));
                    }
                    addProblems(path, item, method, op);
                }));
        tags.stream().filter(t -> api.getTags() == null || api.getTags().stream().noneMatch(d -> d.getName().equals(t)))
                .forEach(t -> api.addTag(OASFactory.createTag().name(t)));
    }

    /** The operations of one resource class are grouped under its name: {@code PhasesResource_book} → Phases. */
    static String tag(String given) {
        return given == null || !given.contains("_") ? null
                : given.substring(0, given.indexOf('_')).replaceFirst("Resource$", "");
    }

    /**
     * SmallRye names an operation {@code Class_method} (operationIdStrategy CLASS_METHOD); the id is the
     * class without "Resource", then the method: {@code AgreementsResource_list} → {@code agreementsList}.
     * An id given on the method is kept.
     */
    static String operationId(String given) {
        if (given == null || !given.contains("_")) {
            return given;
        }
        String type = given.substring(0, given.indexOf('_')).replaceFirst("Resource$", "");
        String method = given.substring(given.indexOf('_') + 1);
        return type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1)
                + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1);
    }

    /**
     * The problems an operation can answer with, as far as its shape tells: any may be 401 or 403; one with an
     * id in its path 404; one with a body or query 400 and 422; a write 409. What the method documents itself is kept.
     */
    private static void addProblems(String path, PathItem item, PathItem.HttpMethod method, Operation op) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        // A POST takes an Idempotency-Key: 400 when it is malformed, 422 when it was used for another request.
        boolean input = op.getRequestBody() != null || hasQuery(item.getParameters()) || hasQuery(op.getParameters())
                || method == PathItem.HttpMethod.POST;
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        for (var problem : PROBLEMS.entrySet()) {
            boolean applies = switch (problem.getKey()) {
                case "404" -> path.contains("{");
                case "400", "422" -> input;
                case "409" -> write;
                default -> true;
            };
            if (applies && !responses.hasAPIResponse(problem.getKey())) {
                responses.addAPIResponse(problem.getKey(), OASFactory.createAPIResponse().description(problem.getValue())
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE.toString(),
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
            }
        }
    }

    private static boolean hasQuery(List<org.eclipse.microprofile.openapi.models.parameters.Parameter> parameters) {
        return parameters != null && parameters.stream()
                .anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY);
    }

    /** The header every POST takes ({@link IdempotentPosts}). */
    private static org.eclipse.microprofile.openapi.models.parameters.Parameter idempotencyKey() {
        return OASFactory.createParameter().name(IdempotentPosts.HEADER)
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER).required(false)
                .description("Makes the POST safe to send again: a key of the client's choosing (e.g. a UUID), new for "
                        + "each request. The first request with the key is done once; the same request sent again with "
                        + "it (the same method, path and body) within 24 hours gets the first one's answer (status, "
                        + "body, Location; with Idempotent-Replayed: true) and changes nothing, also on another server "
                        + "of the installation. While the first is still running, the second waits for it, at most "
                        + "IOP_IDEMPOTENCY_WAIT_SECONDS (10 s), then 409 with Retry-After. The key with another "
                        + "request is 422. A refused request (4xx, 5xx) keeps no key: fix it and send it again with "
                        + "the same key. Keys are per account; 1 to 255 printable ASCII characters, else 400. An "
                        + "answer that holds a secret shown once (an API token) is not kept: sent again, it is 409.")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).minLength(1)
                        .maxLength(IdempotentPosts.MAX_LENGTH).pattern("^[\\x20-\\x7E]+$"))
                .example("6f1c0b7e-3c1a-4f57-9a55-0e8f1d2a4b90");
    }

    /** {@link Problem} as RFC 9457 describes it, with this API's member {@code field}. */
    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("A problem detail (RFC 9457, application/problem+json).")
                .addProperty("type", string("A URI reference naming the kind of problem; about:blank here.")
                        .format("uri-reference"))
                .addProperty("title", string("The HTTP status's phrase, e.g. Unprocessable Content."))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code."))
                .addProperty("detail", string("What is wrong, in English, for a person to read."))
                .addProperty("field", string("The input field the problem is about, when it is about one.")
                        .addType(SchemaType.NULL))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
