package se.iop.landlord.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketDeliveryTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Duration RETRY = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static PacketVersion published() {
        PacketVersion v = PacketVersionTest.packet().latest();
        v.publish(List.of(PacketVersionTest.STADSMISSION), "handlaggare", T0);
        return v;
    }

    /**
     * The delivery as the mailer leaves it: claimed, then marked ending and sent by {@link PacketDelivery#markEnding}'s
     * and {@link PacketDelivery#markSent}'s statements and read back, as Hibernate loads the row (status SENT, sent at,
     * the attempt counted). No way to SENT in memory: the statements run against PostgreSQL in DeliveryClaimsIT,
     * PacketMailIT and MailEndingIT.
     */
    private static String mailed(PacketDelivery d, Instant at) {
        String claim = d.claim(at, LEASE);
        assertNotNull(claim, "awaits its mail");
        try {
            java.lang.reflect.Field status = PacketDelivery.class.getDeclaredField("status");
            java.lang.reflect.Field attempts = PacketDelivery.class.getDeclaredField("attempts");
            java.lang.reflect.Field sentAt = PacketDelivery.class.getDeclaredField("sentAt");
            status.setAccessible(true);
            attempts.setAccessible(true);
            sentAt.setAccessible(true);
            status.set(d, DeliveryStatus.SENT);
            attempts.setInt(d, attempts.getInt(d) + 1);
            sentAt.set(d, at);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return claim;
    }

    private static LandlordContact karin() {
        return Landlord.person("Karin Exempelsson", null).addContact("Karin", null, "karin@example.se", null);
    }

    @Test
    void onlyAPublishedVersionToAnEmailAddressIsQueued() {
        PacketVersion draft = PacketVersionTest.packet().latest();
        StateConflict e = assertThrows(StateConflict.class, () -> new PacketDelivery(draft, karin(), null, 0, "h", T0));
        assertEquals("error.delivery.unpublished", e.key());
        LandlordContact phoneOnly = Landlord.person("Per", null).addContact("Per", null, null, "0155-24 80 00");
        InvalidInput noAddress = assertThrows(InvalidInput.class, () -> new PacketDelivery(published(), phoneOnly, null, 0, "h", T0));
        assertEquals("error.delivery.noAddress", noAddress.key());
        LandlordContact gone = karin();
        gone.landlord().deactivate();
        assertThrows(StateConflict.class, () -> new PacketDelivery(published(), gone, null, 0, "h", T0));

        PacketSend send = new PacketSend(published(), "h", T0);
        PacketDelivery d = new PacketDelivery(published(), karin(), send, 0, "handlaggare", T0);
        assertEquals(DeliveryStatus.QUEUED, d.status());
        assertEquals("karin@example.se", d.email());
        assertEquals(DeliveryChannel.EMAIL, d.channel());
        assertEquals(1, send.total());
        assertTrue(d.awaitingMail(T0));
    }

    @Test
    void sentThenOpenedThenAcknowledged() {
        PacketDelivery d = new PacketDelivery(published(), karin(), null, 0, "handlaggare", T0);
        assertThrows(StateConflict.class, () -> d.acknowledge("hyresvard", T0), "not before it reached the landlord");
        d.opened(T0);
        assertEquals(DeliveryStatus.QUEUED, d.status(), "a queued delivery cannot have been opened");

        String claim = mailed(d, T0.plusSeconds(1));
        assertEquals(DeliveryStatus.SENT, d.status());
        assertEquals(1, d.attempts());
        assertFalse(d.awaitingMail(T0.plusSeconds(2)));
        assertFalse(d.claimedBy(claim), "never mailed twice");
        assertNull(d.claim(T0.plus(LEASE).plus(LEASE), LEASE), "never mailed twice");

        d.opened(T0.plusSeconds(60));
        d.opened(T0.plusSeconds(120));
        assertEquals(T0.plusSeconds(60), d.openedAt(), "the first opening counts");
        d.acknowledge("hyresvard", T0.plusSeconds(180));
        d.acknowledge("someone else", T0.plusSeconds(240));
        assertEquals(DeliveryStatus.ACKNOWLEDGED, d.status());
        assertEquals("hyresvard", d.acknowledgedBy());
        assertEquals(T0.plusSeconds(180), d.acknowledgedAt());
    }

    @Test
    void acknowledgingUnopenedCountsAsOpened() {
        PacketDelivery d = new PacketDelivery(published(), karin(), null, 0, "h", T0);
        mailed(d, T0);
        d.acknowledge("hyresvard", T0.plusSeconds(5));
        assertEquals(T0.plusSeconds(5), d.openedAt());
    }

    @Test
    void aFailureIsRecordedWithItsReasonAndTriedAgainUntilTheLimit() {
        PacketDelivery d = new PacketDelivery(published(), karin(), null, 0, "h", T0);
        d.failed(DeliveryFailure.SERVER_UNREACHABLE, "Could not connect to the mail server 127.0.0.1:2525", T0, RETRY, 3);
        assertEquals(DeliveryStatus.FAILED, d.status());
        assertEquals(DeliveryFailure.SERVER_UNREACHABLE, d.failureCode());
        assertEquals("Could not connect to the mail server 127.0.0.1:2525", d.failureReason());
        assertEquals(1, d.attempts());
        assertEquals(T0.plus(RETRY), d.nextAttemptAt());
        assertFalse(d.awaitingMail(T0.plusSeconds(10)), "not before it is due");
        assertTrue(d.awaitingMail(T0.plus(RETRY)));
        assertThrows(StateConflict.class, () -> d.acknowledge("x", T0));

        d.failed(DeliveryFailure.SERVER_TIMEOUT, "again", T0.plus(RETRY), RETRY, 3);
        assertEquals(DeliveryFailure.SERVER_TIMEOUT, d.failureCode(), "the last attempt's reason");
        d.failed(null, "x".repeat(2000), T0.plus(RETRY.multipliedBy(2)), RETRY, 3);
        assertEquals(DeliveryFailure.OTHER, d.failureCode());
        assertEquals(3, d.attempts());
        assertEquals(PacketDelivery.REASON_MAX, d.failureReason().length());
        assertNull(d.nextAttemptAt(), "after the last attempt only an explicit re-send helps");
        assertFalse(d.awaitingMail(T0.plus(Duration.ofDays(1))));
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = PacketDelivery.newToken();
            assertTrue(token.matches("[A-Za-z0-9_-]{32}"), token);
            assertTrue(seen.add(token));
        }
        assertTrue(DeliveryStatus.ACKNOWLEDGED.reached() && !DeliveryStatus.FAILED.reached() && !DeliveryStatus.QUEUED.reached());
    }

    @Test
    void oneWorkerAtATimeHoldsADeliveryUntilItsClaimRunsOut() {
        PacketDelivery d = new PacketDelivery(published(), karin(), null, 0, "h", T0);
        String first = d.claim(T0, LEASE);
        assertNotNull(first);
        assertTrue(d.claimedBy(first));
        assertNull(d.claim(T0.plusSeconds(119), LEASE), "held by the first worker");
        assertNull(d.claim(T0.plusSeconds(1), LEASE));

        // The first worker's node died: once its claim has run out another takes the delivery over ...
        String second = d.claim(T0.plus(LEASE), LEASE);
        assertNotNull(second);
        assertNotEquals(first, second);
        // ... and the first, should it come back, may no longer mark it sent (nor failed).
        assertFalse(d.claimedBy(first));
        assertTrue(d.claimedBy(second));
        assertFalse(d.claimedBy(null));
    }

    /** The delivery as {@link PacketDelivery#markEnding}'s statement leaves it: ending, the attempt counted, a new lease. */
    private static void ending(PacketDelivery d, Instant at) {
        try {
            java.lang.reflect.Field claimField = PacketDelivery.class.getDeclaredField("claim");
            java.lang.reflect.Field attempts = PacketDelivery.class.getDeclaredField("attempts");
            claimField.setAccessible(true);
            attempts.setAccessible(true);
            Object claim = claimField.get(d);
            for (String[] f : new String[][] {{"endingAt"}, {"claimedUntil"}}) {
                java.lang.reflect.Field field = claim.getClass().getDeclaredField(f[0]);
                field.setAccessible(true);
                field.set(claim, f[0].equals("endingAt") ? at : at.plus(LEASE));
            }
            attempts.setInt(d, attempts.getInt(d) + 1);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSentDeliveryIsClaimedByNobodyElse() {
        PacketDelivery d = new PacketDelivery(published(), karin(), null, 0, "h", T0);
        String claim = mailed(d, T0.plusSeconds(1));
        assertEquals(DeliveryStatus.SENT, d.status());
        assertFalse(d.claimedBy(claim), "sent: nothing left to mark");
        assertNull(d.claim(T0.plus(LEASE).plus(LEASE), LEASE), "never mailed again");
        assertThrows(StateConflict.class, () -> d.failed(DeliveryFailure.OTHER, "x", T0.plusSeconds(2), RETRY, 3));
    }

    @Test
    void aMessageRefusedAtItsEndFailsByItsOwnClaimWithTheAttemptCountedOnce() {
        PacketDelivery d = new PacketDelivery(published(), karin(), null, 0, "h", T0);
        String claim = d.claim(T0, LEASE);
        ending(d, T0.plusSeconds(1));
        assertTrue(d.claimedBy(claim), "still its worker's, at the end");
        d.failed(DeliveryFailure.MESSAGE_REFUSED, "554 no", T0.plusSeconds(2), RETRY, 3);
        assertEquals(DeliveryStatus.FAILED, d.status());
        assertNull(d.sentAt());
        assertEquals(1, d.attempts(), "the attempt was counted once, at the end");
        assertFalse(d.claimedBy(claim));
        assertFalse(d.uncertain(T0.plus(LEASE).plus(LEASE)), "failed is certain: the server kept nothing");
        assertNull(d.claim(T0.plusSeconds(3), LEASE), "not due yet");
        assertNotNull(d.claim(T0.plusSeconds(2).plus(RETRY), LEASE), "due again, for any worker");
    }

    @Test
    void aDeliveryWhoseWorkerDiedAtTheEndIsUncertainNeverTakenAgainAndSentAgainOnceByAnAdministrator() {
        PacketDelivery d = new PacketDelivery(published(), karin(), null, 0, "h", T0);
        assertThrows(StateConflict.class, () -> d.sendAgain(T0), "queued: nothing uncertain to send again");
        String claim = d.claim(T0, LEASE);
        Instant end = T0.plusSeconds(1);
        ending(d, end);
        assertFalse(d.uncertain(end.plusSeconds(1)), "its worker is still waiting for the server's answer");
        assertThrows(StateConflict.class, () -> d.sendAgain(end.plusSeconds(1)));
        Instant later = end.plus(LEASE);
        assertTrue(d.uncertain(later), "the lease ran out at the end: it may have arrived");
        assertNull(d.claim(later, LEASE), "never taken again by a worker");
        assertNull(d.claim(later.plus(RETRY).plus(LEASE), LEASE), "not even much later");
        assertEquals(DeliveryStatus.QUEUED, d.status(), "the row's own status is untouched");

        assertEquals(end, d.sendAgain(later));
        assertEquals(DeliveryStatus.QUEUED, d.status());
        assertFalse(d.uncertain(later));
        assertFalse(d.claimedBy(claim), "the dead worker's claim is gone");
        assertThrows(StateConflict.class, () -> d.sendAgain(later), "sent again once");
        assertNotNull(d.claim(later, LEASE), "the next worker mails it");
        assertEquals(1, d.attempts());
    }
}
