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
 * The application as the benchmarks see it: a fresh database, the provisioned WildFly started on its
 * own ports with iop.ear deployed, stopped again when the benchmark ends.
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
        LocalDatabase db = LocalDatabase.prepare(
                LocalDatabase.Settings.fromEnvironment(System.getenv()).withDatabase(databaseName), null, true);
        Path server = root.resolve("wildfly-config/target/server");
        Path deployments = server.resolve("standalone/deployments");
        try (var old = Files.list(deployments)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("iop.ear")).toList()) {
                Files.delete(p);
            }
        }
        Files.copy(root.resolve("ear/target/iop.ear"), deployments.resolve("iop.ear"), StandardCopyOption.REPLACE_EXISTING);
        Path log = Files.createTempFile("iop-bench-server", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(server.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Diop.db.url=" + db.jdbcUrl(), "-Diop.db.user=" + db.user(), "-Diop.db.password=" + db.password(),
                "-Diop.admin.password=" + ADMIN_PASSWORD, "-Diop.demo=true"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_OPTS", "-Xms512m -Xmx1g -Djava.net.preferIPv4Stack=true");
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
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String marker : new String[] {"iop.ear", "iop.ear.deployed", "iop.ear.failed"}) {
            new File(deployments.toFile(), marker).delete();
        }
        database.close();
    }
}
