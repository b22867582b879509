package se.iop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Throughput of several ways of calling, measured fairly on a shared machine (the auth and cluster benchmarks): every
 * mode warms up in turn (the server's JIT compiles the paths they share and their own), then the modes take turns in
 * rounds, each mode the measured time / rounds a round, so that a change of the machine's load falls on every mode
 * alike. A failed call stops the benchmark.
 */
final class Throughput {

    /** One client's loop: a call that must succeed; made once per client thread. */
    interface Client extends AutoCloseable {
        void call() throws Exception;

        @Override
        default void close() {
        }
    }

    /** A way of calling, with its clients; {@code beforeRound} runs before each of its rounds, outside the measured time. */
    record Mode(String name, List<Client> clients, Runnable beforeRound) {
        Mode(String name, List<Client> clients) {
            this(name, clients, () -> { });
        }

        static List<Client> clients(int count, IntFunction<Client> make) {
            List<Client> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(make.apply(i));
            }
            return made;
        }
    }

    /** One mode's result, with the machine's mean 1-minute load average over its rounds. */
    record Rate(String mode, long requests, double seconds, String load) {
        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "  %-36s %8.0f requests/s  (%,d in %.1f s; 1-min load average %s)",
                    mode, perSecond(), requests, seconds, load);
        }
    }

    private Throughput() {
    }

    static List<Rate> measure(List<Mode> modes, Duration warmUp, Duration measured, int rounds) throws Exception {
        int threads = modes.stream().mapToInt(m -> m.clients().size()).max().orElse(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Mode m : modes) {
                System.out.println("Warming up " + m.name() + "…");
                m.beforeRound().run();
                loop(pool, m.clients(), warmUp);
            }
            long[] requests = new long[modes.size()];
            long[] nanos = new long[modes.size()];
            double[] load = new double[modes.size()];
            Duration turn = measured.dividedBy(rounds);
            for (int round = 1; round <= rounds; round++) {
                System.out.println("Measuring, round " + round + " of " + rounds + "…");
                for (int i = 0; i < modes.size(); i++) {
                    modes.get(i).beforeRound().run();
                    load[i] += oneMinuteLoad() / rounds;
                    long start = System.nanoTime();
                    requests[i] += loop(pool, modes.get(i).clients(), turn);
                    nanos[i] += System.nanoTime() - start;
                }
            }
            List<Rate> rates = new ArrayList<>();
            for (int i = 0; i < modes.size(); i++) {
                rates.add(new Rate(modes.get(i).name(), requests[i], nanos[i] / 1e9, String.format(Locale.ROOT, "%.1f", load[i])));
            }
            return rates;
        } finally {
            pool.shutdownNow();
            modes.forEach(m -> m.clients().forEach(Client::close));
        }
    }

    /** Prints a ratio against its target (at least {@code target}); says whether it was met. */
    static boolean atLeast(String what, double value, double of, double target) {
        double r = value / of;
        boolean ok = r >= target;
        System.out.printf(Locale.ROOT, "  %-24s %5.0f %%  (target >= %.0f %%) %s%n", what, r * 100, target * 100,
                ok ? "OK" : "MISSED");
        return ok;
    }

    private static double oneMinuteLoad() {
        try {
            return Double.parseDouble(BenchServer.loadAverage().split(",")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long loop(ExecutorService pool, List<Client> clients, Duration time) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        for (Client c : clients) {
            Callable<Long> work = () -> {
                long n = 0;
                while (!stop.get()) {
                    c.call();
                    n++;
                }
                return n;
            };
            counts.add(pool.submit(work));
        }
        Thread.sleep(time.toMillis());
        stop.set(true);
        long total = 0;
        for (Future<Long> f : counts) {
            total += f.get();
        }
        return total;
    }
}
