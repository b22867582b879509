package se.iop.landlord.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.landlord.entity.PacketDelivery;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The personal links in the landlords' e-mails, looked up by the hash of their token. Asked before
 * login, so an expired link can say so on the login page rather than after the landlord logged in;
 * which packet a link carries, and to whom, only the {@link Portal} tells, after login.
 */
@Stateless
@PermitAll
public class PortalLinks {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @PersistenceContext
    private EntityManager em;

    /** True only for the token of a link that was mailed and has expired; an unknown or wrong token is not. */
    public boolean expired(String token) {
        return delivery(token).filter(d -> d.status().reached())
                .map(d -> !d.linkValid(Instant.now(), MailSettings.linkLifetime())).orElse(false);
    }

    /** The delivery whose link carries this token; a token of the wrong shape finds none without a query. */
    public Optional<PacketDelivery> delivery(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return em.createNamedQuery(PacketDelivery.BY_TOKEN, PacketDelivery.class)
                .setParameter("hash", PacketDelivery.hash(token)).getResultStream().findFirst();
    }
}
