package se.iop.pool;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RecentlyCheckedConnectionsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    private final RecentlyCheckedConnections checker = new RecentlyCheckedConnections(c -> {
        roundTrips.incrementAndGet();
        return serverAnswers.get() ? null : new SQLException("An I/O error occurred while sending to the backend.", "08006");
    }, clock::get);

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                case "isClosed" -> closed.get();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private void later(long millis) {
        clock.addAndGet(millis * 1_000_000);
    }

    @Test
    void aConnectionHandedOutAgainSoonAfterItsCheckIsNotCheckedAgain() {
        assertNull(checker.isValidConnection(connection));
        later(RecentlyCheckedConnections.WINDOW_MS - 1);
        assertNull(checker.isValidConnection(connection));
        assertEquals(1, roundTrips.get());
    }

    @Test
    void aConnectionThatWaitedLongerIsCheckedAndADeadOneRefused() {
        assertNull(checker.isValidConnection(connection));
        serverAnswers.set(false);
        later(RecentlyCheckedConnections.WINDOW_MS);
        assertNotNull(checker.isValidConnection(connection));
        assertEquals(2, roundTrips.get());
        // refused again at once: a failed check is no reason to believe it for a while
        assertNotNull(checker.isValidConnection(connection));
        assertEquals(3, roundTrips.get());
    }

    @Test
    void aConnectionTheDriverKnowsBrokenIsRefusedWithoutARoundTripEvenJustAfterItsCheck() {
        assertNull(checker.isValidConnection(connection));
        closed.set(true);
        assertNotNull(checker.isValidConnection(connection));
        assertEquals(1, roundTrips.get());
    }
}
