package se.iop.bench;

import se.iop.devdb.LocalDatabase;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as the benchmarks see it: a fresh database, a copy of the provisioned WildFly
 * ({@code target/bench-server-<offset>}, so a benchmark can run while {@code ./run.sh} or the tests use
 * {@code wildfly-config/target/server}) started on its own ports with iop.ear deployed, stopped again
 * when the benchmark ends.
 */
final class BenchServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final int PORT_OFFSET = Integer.getInteger("iop.bench.portOffset", 700);

    private final LocalDatabase database;
    private final Process process;
    private final Path deployments;

    private BenchServer(LocalDatabase database, Process process, Path deployments) {
        this.database = database;
        this.process = process;
        this.deployments = deployments;
    }

    static BenchServer start(Path root, String databaseName) throws Exception {
        return start(root, databaseName, "-Xms512m -Xmx1g");
    }

    /** With the given heap options for the server's JVM. */
    static BenchServer start(Path root, String databaseName, String heap) throws Exception {
        LocalDatabase db = LocalDatabase.prepare(
                LocalDatabase.Settings.fromEnvironment(System.getenv()).withDatabase(databaseName), null, true);
        Path server = copy(root.resolve("wildfly-config/target/server"), root.resolve("target/bench-server-" + PORT_OFFSET));
        Path deployments = server.resolve("standalone/deployments");
        Files.copy(root.resolve("ear/target/iop.ear"), deployments.resolve("iop.ear"), StandardCopyOption.REPLACE_EXISTING);
        Path log = Files.createTempFile("iop-bench-server", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(server.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Diop.db.url=" + db.jdbcUrl(), "-Diop.db.user=" + db.user(), "-Diop.db.password=" + db.password(),
                "-Diop.admin.password=" + ADMIN_PASSWORD, "-Diop.demo=true"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_OPTS", heap + " -Djava.net.preferIPv4Stack=true");
        Process process = pb.start();
        BenchServer bench = new BenchServer(db, process, deployments);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.exists(deployments.resolve("iop.ear.deployed"))) {
            if (Files.exists(deployments.resolve("iop.ear.failed")) || !process.isAlive() || Instant.now().isAfter(deadline)) {
                bench.close();
                throw new IllegalStateException("The application did not start; see " + log);
            }
            Thread.sleep(250);
        }
        return bench;
    }

    /** A fresh copy of the provisioned server, without the original's data, logs and deployments. */
    private static Path copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException(from + " is missing: build first (./mvnw -DskipTests package)");
        }
        if (Files.exists(to)) {
            try (var old = Files.walk(to)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path skipData = from.resolve("standalone/data");
        Path skipTmp = from.resolve("standalone/tmp");
        Path skipLog = from.resolve("standalone/log");
        Path skipDeployments = from.resolve("standalone/deployments");
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                if (p.startsWith(skipData) || p.startsWith(skipTmp) || p.startsWith(skipLog)
                        || (p.startsWith(skipDeployments) && !p.equals(skipDeployments))) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** The management port of this server (9990 + offset). */
    static int managementPort() {
        return 9990 + PORT_OFFSET;
    }

    LocalDatabase database() {
        return database;
    }

    static URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/");
    }

    @Override
    public void close() throws IOException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String marker : new String[] {"iop.ear", "iop.ear.deployed", "iop.ear.failed"}) {
            new File(deployments.toFile(), marker).delete();
        }
        database.close();
    }
}
