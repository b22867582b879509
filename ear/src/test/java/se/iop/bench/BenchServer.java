package se.iop.bench;

import se.iop.devdb.LocalDatabase;
import se.iop.it.Node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The application as the benchmarks see it: a fresh database, and a WildFly node of its own ({@link Node}: the
 * provisioned server's modules with its own server base {@code target/bench-server-<offset>}) started on its own
 * ports with iop.ear deployed, stopped again when the benchmark ends. Its own base, so that a benchmark never
 * touches {@code wildfly-config/target/server/standalone}, where {@code ./run.sh} or the integration tests of the
 * same checkout may be running.
 */
final class BenchServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final int PORT_OFFSET = Integer.getInteger("iop.bench.portOffset", 700);

    private final LocalDatabase database;
    private final Node node;

    private BenchServer(LocalDatabase database, Node node) {
        this.database = database;
        this.node = node;
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
        LocalDatabase db = LocalDatabase.prepare(
                LocalDatabase.Settings.fromEnvironment(System.getenv()).withDatabase(databaseName), null, true);
        Path base = root.resolve("target/bench-server-" + PORT_OFFSET);
        System.out.println("Starting IOP on " + base() + " (server log: " + root.relativize(base.resolve("log/server.log")) + ")");
        try {
            Node node = Node.named("bench").home(root.resolve("wildfly-config/target/server"))
                    .ear(root.resolve("ear/target/iop.ear")).base(base).portOffset(PORT_OFFSET)
                    .property("iop.db.url", db.jdbcUrl()).property("iop.db.user", db.user())
                    .property("iop.db.password", db.password()).property("iop.admin.password", ADMIN_PASSWORD)
                    .property("iop.demo", "true").properties(properties)
                    // iop.bench.serverOpts: more options for the server's JVM, e.g. -XX:FlightRecorderOptions:stackdepth=256
                    // to profile it with jcmd JFR.start (64 frames, the default, cut the deep stacks of a request short)
                    .javaOpts(heap + " " + System.getProperty("iop.bench.serverOpts", ""))
                    .startTimeout(Duration.ofMinutes(4)).start();
            return new BenchServer(db, node);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    LocalDatabase database() {
        return database;
    }

    Path log() {
        return node.log();
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
        node.stop();
        database.close();
    }
}
