package se.iop.bench;

import se.iop.devdb.LocalDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as the benchmarks see it: a fresh database, and a copy of the provisioned WildFly of its
 * own ({@code target/bench-server-<offset>}) started on its own ports with iop.ear deployed, stopped again
 * when the benchmark ends. Its own copy, so that a benchmark never touches {@code wildfly-config/target/server},
 * where {@code ./run.sh} or the integration tests of the same checkout may be running.
 */
final class BenchServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final int PORT_OFFSET = Integer.getInteger("iop.bench.portOffset", 700);

    /** What a running server writes; not copied, so the copy starts as the provisioned server did. */
    private static final Set<String> RUNTIME = Set.of("data", "log", "tmp", "deployments");

    private final LocalDatabase database;
    private final Process process;
    private final Path home;

    private BenchServer(LocalDatabase database, Process process, Path home) {
        this.database = database;
        this.process = process;
        this.home = home;
    }

    static BenchServer start(Path root, String databaseName) throws Exception {
        return start(root, databaseName, Map.of());
    }

    /** Started with these system properties besides the database's (e.g. the SMTP port). */
    static BenchServer start(Path root, String databaseName, Map<String, String> properties) throws Exception {
        return start(root, databaseName, properties, "-Xms512m -Xmx1g");
    }

    /** With the given heap options for the server's JVM (the flood benchmark gives it the heap it measures). */
    static BenchServer start(Path root, String databaseName, String heap) throws Exception {
        return start(root, databaseName, Map.of(), heap);
    }

    static BenchServer start(Path root, String databaseName, Map<String, String> properties, String heap) throws Exception {
        Path provisioned = root.resolve("wildfly-config/target/server");
        Path ear = root.resolve("ear/target/iop.ear");
        for (Path needed : List.of(provisioned.resolve("bin/standalone.sh"), ear)) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException("Missing " + needed + ": build first (the bench script runs ./mvnw package)");
            }
        }
        Path home = root.resolve("target/bench-server-" + PORT_OFFSET);
        System.out.println("Copying the provisioned server to " + root.relativize(home));
        copyServer(provisioned, home);
        Path deployments = Files.createDirectories(home.resolve("standalone/deployments"));
        Files.copy(ear, deployments.resolve("iop.ear"), StandardCopyOption.REPLACE_EXISTING);

        LocalDatabase db = LocalDatabase.prepare(
                LocalDatabase.Settings.fromEnvironment(System.getenv()).withDatabase(databaseName), null, true);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Diop.db.url=" + db.jdbcUrl(), "-Diop.db.user=" + db.user(), "-Diop.db.password=" + db.password(),
                "-Diop.admin.password=" + ADMIN_PASSWORD, "-Diop.demo=true"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        Path out = home.resolve("server.out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        // iop.bench.serverOpts: more options for the server's JVM, e.g. -XX:FlightRecorderOptions:stackdepth=256 to
        // profile it with jcmd JFR.start (64 frames, the default, cut the deep stacks of a request short)
        pb.environment().put("JAVA_OPTS", heap + " -Djava.net.preferIPv4Stack=true " + System.getProperty("iop.bench.serverOpts", ""));
        pb.environment().put("JBOSS_HOME", home.toString());
        Process process = pb.start();
        // a benchmark stopped by a signal leaves no server behind (the next run would copy over a running one)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }));
        BenchServer bench = new BenchServer(db, process, home);
        System.out.println("Starting IOP on " + base() + " (server log: " + root.relativize(bench.log()) + ")");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!Files.exists(deployments.resolve("iop.ear.deployed"))) {
            String why = Files.exists(deployments.resolve("iop.ear.failed")) ? "its deployment failed"
                    : !process.isAlive() ? "the server stopped"
                    : Instant.now().isAfter(deadline) ? "it was not deployed within 4 minutes" : null;
            if (why != null) {
                String tail = bench.tail(40);
                bench.close();
                throw new IllegalStateException("The application did not start: " + why + ". The end of "
                        + bench.log() + ":\n" + tail);
            }
            Thread.sleep(250);
        }
        return bench;
    }

    /** A fresh copy: the server's files, without what an earlier run (or ./run.sh) left in it. */
    private static void copyServer(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(p -> !runtime(from.resolve("standalone"), p))
                    .forEach(p -> {
                        Path target = to.resolve(from.relativize(p).toString());
                        try {
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(target);
                            } else {
                                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    private static boolean runtime(Path standalone, Path p) {
        return p.startsWith(standalone) && !p.equals(standalone)
                && RUNTIME.contains(standalone.relativize(p).getName(0).toString());
    }

    LocalDatabase database() {
        return database;
    }

    Path log() {
        return home.resolve("standalone/log/server.log");
    }

    private String tail(int lines) {
        Path file = Files.exists(log()) ? log() : home.resolve("server.out");
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " could not be read: " + e.getMessage() + ")";
        }
    }

    /**
     * The machine's load average (1, 5, 15 minutes): other work on the shared machine shows in the figures,
     * which are printed with it.
     */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The management port of this server (9990 + offset). */
    static int managementPort() {
        return 9990 + PORT_OFFSET;
    }

    static URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/");
    }

    @Override
    public void close() throws IOException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
