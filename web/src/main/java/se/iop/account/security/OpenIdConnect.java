package se.iop.account.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import se.iop.account.boundary.IdentityProviders;
import se.iop.account.boundary.IdentityProviders.Provider;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The OpenID Connect relying party: the authorization code flow with PKCE, and the checks of every token a
 * provider sends (signature against its published keys, issuer, audience, expiry, nonce). A provider's
 * metadata is read from its discovery document at first use and kept; its keys are kept and refreshed when a
 * token names a key not seen yet (nimbus-jose-jwt's key source). Claims are never logged: an e-ID broker's
 * may hold a personal identity number.
 */
@ApplicationScoped
public class OpenIdConnect {

    private static final Logger LOG = Logger.getLogger(OpenIdConnect.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    static final String BACK_CHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** A provider could not be reached, or answered what is no OpenID Connect provider. */
    public static class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A token or answer that does not hold (forged, expired, for someone else, or the user said no). */
    public static class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** What a sign-in came back with: the ID token's claims, and the token itself to hand back at logout. */
    public record SignedIn(JWTClaimsSet claims, String idToken) {
    }

    private record Metadata(URI issuer, URI authorization, URI token, Optional<URI> endSession, JWKSource<SecurityContext> keys) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<URI, Metadata> metadata = new ConcurrentHashMap<>();
    /** Access tokens whose signature, issuer and audience held, until they expire (see {@link #accessToken}). */
    private final Map<String, Verified> verifiedTokens = new ConcurrentHashMap<>();
    static final int MAX_VERIFIED = 1000;

    /** Where to send the browser to sign in. */
    public URI authorization(Provider p, SignInState s) throws Unreachable {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", p.clientId());
        query.put("redirect_uri", p.callback().toString());
        query.put("scope", p.scopes().contains("openid") ? p.scopes() : "openid " + p.scopes());
        query.put("state", s.state());
        query.put("nonce", s.nonce());
        query.put("code_challenge", s.challenge());
        query.put("code_challenge_method", "S256");
        URI endpoint = of(p).authorization();
        return URI.create(endpoint + (endpoint.getQuery() == null ? "?" : "&") + form(query));
    }

    /** Exchanges the code the browser brought back for the ID token, and checks it. */
    public SignedIn signIn(Provider p, String code, SignInState s) throws Unreachable, Refused {
        Metadata m = of(p);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", p.callback().toString());
        body.put("code_verifier", s.verifier());
        String basic = Base64.getEncoder().encodeToString((encode(p.clientId()) + ":" + encode(p.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(m.token()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(body))).build(), p);
        if (answer.statusCode() >= 500) {
            throw new Unreachable("the token endpoint of '" + p.id() + "' answered " + answer.statusCode(), null);
        }
        if (answer.statusCode() != 200) {
            throw new Refused("the token endpoint of '" + p.id() + "' refused the code (" + answer.statusCode() + ")");
        }
        String idToken = string(json(answer.body(), p), "id_token")
                .orElseThrow(() -> new Refused("no ID token from '" + p.id() + "'"));
        JWTClaimsSet claims = verify(m, idToken, p.clientId(), Map.of("nonce", s.nonce()), Set.of("sub", "exp", "iat"),
                JOSEObjectType.JWT);
        return new SignedIn(claims, idToken);
    }

    /**
     * An access token (JWT) a machine client got from a provider that lets its tokens call the API
     * ({@link Provider#audience()}): the provider is the one whose issuer the token names; the token must be
     * signed by it, for that audience, and not expired. A token found good is remembered until it expires (a client
     * sends the same one for minutes), so its signature is checked once; it is believed only while its provider is
     * configured as it was.
     */
    public Optional<Verified> accessToken(String jwt) {
        Verified known = verifiedTokens.get(jwt);
        if (known != null) {
            if (known.holds(new Date()) && IdentityProviders.all().contains(known.provider())) {
                return Optional.of(known);
            }
            verifiedTokens.remove(jwt, known);
        }
        String issuer;
        try {
            issuer = JWTParser.parse(jwt).getJWTClaimsSet().getIssuer();
        } catch (java.text.ParseException | RuntimeException e) {
            return Optional.empty();
        }
        for (Provider p : IdentityProviders.all()) {
            if (p.audience().isPresent() && p.issuer().toString().equals(issuer)) {
                try {
                    Verified v = new Verified(p, verify(of(p), jwt, p.audience().get(), Map.of(), Set.of("sub", "exp"),
                            JOSEObjectType.JWT, new JOSEObjectType("at+jwt")));
                    remember(jwt, v);
                    return Optional.of(v);
                } catch (Refused | Unreachable e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Keeps a verified token; past {@link #MAX_VERIFIED} the expired ones go, or when none has, all. */
    private void remember(String jwt, Verified v) {
        if (verifiedTokens.size() >= MAX_VERIFIED) {
            Date now = new Date();
            verifiedTokens.values().removeIf(t -> !t.holds(now));
            if (verifiedTokens.size() >= MAX_VERIFIED) {
                verifiedTokens.clear();
            }
        }
        verifiedTokens.put(jwt, v);
    }

    /** A token checked, and the provider it came from. */
    public record Verified(Provider provider, JWTClaimsSet claims) {

        /** Not expired yet at {@code now}, with the same leeway for clocks as its first check: never believed longer. */
        boolean holds(Date now) {
            return claims.getExpirationTime() != null
                    && now.before(new Date(claims.getExpirationTime().getTime() + IdentityProviders.clockSkew().toMillis()));
        }
    }

    /** A back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6). */
    public JWTClaimsSet logoutToken(Provider p, String jwt) throws Unreachable, Refused {
        JWTClaimsSet claims = verify(of(p), jwt, p.clientId(), Map.of(), Set.of("iat", "events"),
                JOSEObjectType.JWT, new JOSEObjectType("logout+jwt"));
        try {
            if (claims.getJSONObjectClaim("events") == null || !claims.getJSONObjectClaim("events").containsKey(BACK_CHANNEL_LOGOUT_EVENT)
                    || claims.getClaim("nonce") != null || (claims.getSubject() == null && claims.getClaim("sid") == null)) {
                throw new Refused("no back-channel logout token");
            }
        } catch (java.text.ParseException e) {
            throw new Refused("no back-channel logout token");
        }
        return claims;
    }

    /** Where to send the browser to end its session at the provider too (RP-initiated logout), if it has such a place. */
    public Optional<URI> endSession(Provider p, String idTokenHint, URI after) {
        Metadata m;
        try {
            m = of(p);
        } catch (Unreachable e) {
            return Optional.empty();
        }
        return m.endSession().map(end -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", p.clientId());
            query.put("post_logout_redirect_uri", after.toString());
            if (idTokenHint != null) {
                query.put("id_token_hint", idTokenHint);
            }
            return URI.create(end + (end.getQuery() == null ? "?" : "&") + form(query));
        });
    }

    private static JWTClaimsSet verify(Metadata m, String jwt, String audience, Map<String, Object> exact,
                                       Set<String> required, JOSEObjectType... types) throws Refused {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // a mutable set: the verifier asks it whether it holds null (a token without "typ"), which Set.of refuses
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new java.util.HashSet<>(java.util.Arrays.asList(types))));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, m.keys()));
        JWTClaimsSet.Builder match = new JWTClaimsSet.Builder().issuer(m.issuer().toString());
        exact.forEach(match::claim);
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience), match.build(), required, Set.of());
        claims.setMaxClockSkew((int) IdentityProviders.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return processor.process(jwt, null);
        } catch (java.text.ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException
                 | RuntimeException e) {
            // RuntimeException too: whatever a hostile token makes the library throw is a refusal, never a 500
            // why is said only at FINE: the answer to the client says nothing of it either
            LOG.fine(() -> "token refused: " + e.getMessage());
            throw new Refused("token refused");
        }
    }

    private Metadata of(Provider p) throws Unreachable {
        Metadata known = metadata.get(p.issuer());
        if (known != null) {
            return known;
        }
        String base = p.issuer().toString();
        URI discovery = URI.create((base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build(), p);
        if (answer.statusCode() != 200) {
            throw new Unreachable("the discovery document of '" + p.id() + "' answered " + answer.statusCode(), null);
        }
        JsonObject doc = json(answer.body(), p);
        // The document must be the issuer's own (OpenID Connect Discovery 1.0, section 4.3).
        if (!base.equals(string(doc, "issuer").orElse(null))) {
            throw new Unreachable("the discovery document of '" + p.id() + "' names another issuer", null);
        }
        try {
            Metadata m = new Metadata(p.issuer(), required(doc, "authorization_endpoint", p), required(doc, "token_endpoint", p),
                    string(doc, "end_session_endpoint").map(URI::create),
                    // the library's own timeouts are 500 ms: a provider slow to answer its first key request (a busy
                    // machine, a provider just started) refused every token until its next try 30 s later
                    JWKSourceBuilder.create(required(doc, "jwks_uri", p).toURL(), new DefaultResourceRetriever(
                            (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis(), JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                            .retrying(true).build());
            metadata.put(p.issuer(), m);
            LOG.info(() -> "Sign-in provider '" + p.id() + "' read from " + discovery);
            return m;
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new Unreachable("the discovery document of '" + p.id() + "' holds a bad address", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, Provider p) throws Unreachable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("provider '" + p.id() + "' cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }

    private static JsonObject json(String body, Provider p) throws Unreachable {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new Unreachable("provider '" + p.id() + "' answered something that is no JSON object", e);
        }
    }

    private static Optional<String> string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static URI required(JsonObject doc, String name, Provider p) throws Unreachable {
        return URI.create(string(doc, name).orElseThrow(() -> new Unreachable("'" + p.id() + "' declares no " + name, null)));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
