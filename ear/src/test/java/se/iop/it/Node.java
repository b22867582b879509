package se.iop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One WildFly node of IOP in a process of its own, for tests and benchmarks that need a server beside (or
 * instead of) the one Arquillian runs: two nodes behind a balancer, a node on a replicated database. It runs
 * the provisioned server's modules ({@code wildfly-config/target/server}, read only) from a server base
 * directory of its own ({@code jboss.server.base.dir}: configuration, deployments, data, log), so it never
 * touches the provisioned server's {@code standalone} folder, where {@code ./run.sh} or the Arquillian tests of
 * the same checkout may be running. It listens on 8080 + offset (management 9990 + offset), gets its database
 * and settings as system properties or environment variables, has iop.ear copied into its deployments folder,
 * and counts as started when the application's readiness ({@code /api/health/ready}) answers 200.
 */
public final class Node implements AutoCloseable {

    /** Parts of a server base that a running server writes: never copied, so a copy starts as provisioned. */
    private static final List<String> RUNTIME = List.of("data", "log", "tmp", "deployments");
    /** What the Arquillian tests add to the running server's configuration, left out of a copy. */
    private static final Pattern RUNTIME_CONFIG = Pattern.compile(
            "\\s*<(system-properties|deployments)>.*?</\\1>", Pattern.DOTALL);
    /** A file handler's absolute file name in logging.properties, e.g. {@code handler.FILE.fileName=/x/log/server.log}. */
    private static final Pattern LOG_FILE = Pattern.compile("(?m)^(handler\\.[^.=]+\\.fileName=).*[/\\\\]([^/\\\\]+)$");
    /** WFLYSRV0049: the server (or a reload of it) starting. */
    private static final String STARTING = "WFLYSRV0049";

    private final Builder settings;
    private final Process process;
    private final long javaPid;
    private final Thread reaper;

    private Node(Builder settings, Process process, long javaPid, Thread reaper) {
        this.settings = settings;
        this.process = process;
        this.javaPid = javaPid;
        this.reaper = reaper;
    }

    /**
     * A node named {@code name}, its base under {@code target/nodes/<name>} of the working directory (the ear
     * module in a Maven build), on the provisioned server and iop.ear the build names ({@code jboss.home},
     * {@code iop.ear}).
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** How to start a node; each setting has a default that a test on this checkout can run with. */
    public static final class Builder {
        private final String name;
        private Path home = Path.of(System.getProperty("jboss.home", "../wildfly-config/target/server"));
        private Path ear = Path.of(System.getProperty("iop.ear", "target/iop.ear"));
        private Path base;
        private int portOffset;
        private String config = "standalone.xml";
        private String javaOpts = "-Xms256m -Xmx512m";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private Duration startTimeout = Duration.ofMinutes(3);
        private String readyPath = "api/health/ready";

        private Builder(String name) {
            this.name = name;
            this.base = Path.of("target", "nodes", name);
        }

        /** The provisioned WildFly whose modules and scripts the node runs. */
        public Builder home(Path provisionedServer) {
            this.home = provisionedServer;
            return this;
        }

        /** The archive deployed; null for none (then the node is started when the server is). */
        public Builder ear(Path ear) {
            this.ear = ear;
            return this;
        }

        /** Where the node's own configuration, deployments, data and log live (made afresh at each start). */
        public Builder base(Path base) {
            this.base = base;
            return this;
        }

        /** Every port moved by this much: HTTP 8080 + offset, management 9990 + offset. */
        public Builder portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        /** The configuration file in the provisioned server's configuration folder, e.g. {@code standalone-ha.xml}. */
        public Builder config(String fileName) {
            this.config = fileName;
            return this;
        }

        /** The JVM's options ({@code JAVA_OPTS}; IPv4 is always preferred), e.g. the heap. */
        public Builder javaOpts(String options) {
            this.javaOpts = options;
            return this;
        }

        /** A system property of the server, e.g. {@code iop.db.url}. */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        /** An environment variable of the server's process, e.g. {@code IOP_DB_URL}. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** More arguments for {@code standalone.sh}, e.g. {@code -b 0.0.0.0}. */
        public Builder argument(String argument) {
            arguments.add(argument);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** The path (on the HTTP port) that answers 200 once the node serves; null to wait for the deployment alone. */
        public Builder readyPath(String path) {
            this.readyPath = path;
            return this;
        }

        /**
         * Makes the node's base afresh, starts the server and waits until it is ready; on failure the server is
         * ended and the exception says why, with the end of its log.
         */
        public Node start() throws IOException, InterruptedException {
            for (Path needed : ear == null ? List.of(home.resolve("bin/standalone.sh"))
                    : List.of(home.resolve("bin/standalone.sh"), ear)) {
                if (!Files.exists(needed)) {
                    throw new IllegalStateException("Missing " + needed.toAbsolutePath()
                            + ": build first (./mvnw package provisions the server and makes iop.ear)");
                }
            }
            base = base.toAbsolutePath();
            prepareBase();
            List<String> command = new ArrayList<>(List.of(home.toAbsolutePath().resolve("bin/standalone.sh").toString(),
                    "-c", config, "-Djboss.socket.binding.port-offset=" + portOffset));
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(arguments);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(base.resolve("server.out").toFile());
            Map<String, String> env = pb.environment();
            env.put("JBOSS_HOME", home.toAbsolutePath().toString());
            env.put("JBOSS_BASE_DIR", base.toString());
            env.put("JAVA_OPTS", javaOpts + " -Djava.net.preferIPv4Stack=true");
            // In the background, the script writes the id of the server's JVM and passes TERM on to it.
            env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            env.put("JBOSS_PIDFILE", pidFile().toString());
            env.putAll(environment);
            Process process = pb.start();
            // a test JVM that ends (or is stopped) leaves no server behind
            Thread reaper = new Thread(() -> killTree(process, readPid().orElse(-1L)), "node-" + name + "-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            Node node = new Node(this, process, awaitPid(process), reaper);
            try {
                node.awaitReady();
            } catch (IOException | InterruptedException | RuntimeException e) {
                String tail = node.tail(40);
                node.kill();
                throw new IllegalStateException("Node " + name + " did not start: " + e.getMessage()
                        + ". The end of " + node.log() + ":\n" + tail, e);
            }
            return node;
        }

        /** The configuration copied without what a running server added; empty runtime folders; the archive. */
        private void prepareBase() throws IOException {
            deleteTree(base);
            Path from = home.resolve("standalone/configuration");
            Path to = Files.createDirectories(base.resolve("configuration"));
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path xml = to.resolve(config);
            if (!Files.exists(xml)) {
                throw new IllegalStateException("No " + config + " in " + from.toAbsolutePath());
            }
            Files.writeString(xml, RUNTIME_CONFIG.matcher(Files.readString(xml, StandardCharsets.UTF_8)).replaceAll(""),
                    StandardCharsets.UTF_8);
            // A server that ran writes its log files' absolute names here (the boot log goes there until the
            // logging subsystem starts): this node's own log folder instead.
            Path logging = to.resolve("logging.properties");
            if (Files.exists(logging)) {
                Path logDir = base.resolve("log");
                Files.writeString(logging, LOG_FILE.matcher(Files.readString(logging, StandardCharsets.UTF_8))
                        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + logDir.resolve(m.group(2)))),
                        StandardCharsets.UTF_8);
            }
            for (String dir : RUNTIME) {
                Files.createDirectories(base.resolve(dir));
            }
            if (ear != null) {
                Files.copy(ear, base.resolve("deployments").resolve(ear.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private Path pidFile() {
            return base.resolve("server.pid");
        }

        private Optional<Long> readPid() {
            try {
                String text = Files.exists(pidFile()) ? Files.readString(pidFile()).trim() : "";
                return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        private long awaitPid(Process process) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                Optional<Long> pid = readPid();
                if (pid.isPresent()) {
                    return pid.get();
                }
                Thread.sleep(50);
            }
            killTree(process, -1);
            throw new IllegalStateException("Node " + name + ": the server's JVM did not start; see "
                    + base.resolve("server.out"));
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(settings.startTimeout);
        Path deployments = settings.base.resolve("deployments");
        String archive = settings.ear == null ? null : settings.ear.getFileName().toString();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!alive()) {
                throw new IllegalStateException("the server stopped");
            }
            if (archive != null && Files.exists(deployments.resolve(archive + ".failed"))) {
                throw new IllegalStateException("the deployment of " + archive + " failed");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready within " + settings.startTimeout.toSeconds() + " s");
            }
            boolean deployed = archive == null || Files.exists(deployments.resolve(archive + ".deployed"));
            if (deployed && (settings.readyPath == null || ready(http))) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private boolean ready(HttpClient http) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(base().resolve(settings.readyPath)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public String name() {
        return settings.name;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + httpPort() + "/");
    }

    public int httpPort() {
        return 8080 + settings.portOffset;
    }

    public int managementPort() {
        return 9990 + settings.portOffset;
    }

    /** The node's server base: configuration, deployments, data, log, and the script's output ({@code server.out}). */
    public Path baseDir() {
        return settings.base;
    }

    public Path log() {
        return settings.base.resolve("log/server.log");
    }

    /** The id of the server's JVM (not of the script that started it). */
    public long pid() {
        return javaPid;
    }

    /** Whether the server's JVM still runs. */
    public boolean alive() {
        return ProcessHandle.of(javaPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * How often the server has started or reloaded in this JVM's log (1 after a start): with {@link #pid()}
     * unchanged and alive, a test sees that the node was neither restarted nor reloaded.
     */
    public long starts() {
        try (Stream<String> lines = Files.lines(log(), StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(STARTING)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the server log (or of the script's output, before there is a log). */
    public String tail(int lines) {
        Path file = Files.exists(log()) ? log() : settings.base.resolve("server.out");
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " could not be read: " + e.getMessage() + ")";
        }
    }

    /** Stops the server as an operator would (TERM: WildFly shuts down in order), killing it after 30 s. */
    public void stop() {
        ProcessHandle.of(javaPid).ifPresent(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || alive()) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        forgetReaper();
    }

    /** Ends the server at once, as a crash would: KILL to its JVM and the script that started it. */
    public void kill() {
        killTree(process, javaPid);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forgetReaper();
    }

    private void forgetReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }

    private static void killTree(Process script, long javaPid) {
        List<ProcessHandle> all = new ArrayList<>(script.toHandle().descendants().toList());
        ProcessHandle.of(javaPid).ifPresent(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly();
    }

    @Override
    public void close() {
        if (alive() || process.isAlive()) {
            stop();
        }
    }

    /** Removes a node's base (after a test that wants no trace of it). */
    public void delete() throws IOException {
        deleteTree(settings.base);
    }

    /** Removes a folder and all in it (also for {@link ReplicatedPostgres}). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
