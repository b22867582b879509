package se.iop.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two real PostgreSQL servers on loopback, made with the machine's own server binaries (Debian's
 * {@code /usr/lib/postgresql/<version>/bin}): a primary and a standby that streams its WAL, made with
 * {@code pg_basebackup -R}. With {@code synchronous}, the primary's commits wait until the standby has flushed
 * them ({@code synchronous_standby_names = '*'}, {@code synchronous_commit = on}): a commit the primary
 * acknowledged is then on the standby too. Both keep their data under one folder, removed by {@link #close()};
 * trust authentication on 127.0.0.1 only, no Unix socket. As root, the servers run as the {@code postgres} user
 * (PostgreSQL refuses to run as root).
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private static final String[] COMMON = {"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "wal_level=replica", "-c", "max_wal_senders=5", "-c", "max_connections=60"};

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int standbyPort;
    private final boolean asPostgres;
    private final Thread reaper;

    private ReplicatedPostgres(Path bin, Path dir, int primaryPort, int standbyPort, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
        this.asPostgres = asPostgres;
        this.reaper = new Thread(this::stopBoth, "postgres-pair-reaper");
    }

    /**
     * The folder of the PostgreSQL server binaries ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup}): the
     * system property {@code iop.it.pgBin}, else the newest {@code /usr/lib/postgresql/<version>/bin}; empty
     * when there are none (or, as root, no {@code postgres} user to run them as). The reason is in {@link #missing()}.
     */
    public static Optional<Path> binaries() {
        return missing() == null ? Optional.of(findBinaries()) : Optional.empty();
    }

    /** Why the servers cannot be made on this machine, or null when they can. */
    public static String missing() {
        Path bin = findBinaries();
        if (bin == null) {
            return "no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) in /usr/lib/postgresql/*/bin"
                    + " or -Diop.it.pgBin (Debian: apt-get install postgresql)";
        }
        if (isRoot() && !userExists("postgres")) {
            return "running as root and there is no postgres user to run PostgreSQL as";
        }
        return null;
    }

    private static Path findBinaries() {
        String given = System.getProperty("iop.it.pgBin");
        List<Path> candidates = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            candidates.add(Path.of(given));
        } else {
            Path debian = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(debian)) {
                try (Stream<Path> versions = Files.list(debian)) {
                    versions.map(v -> v.resolve("bin"))
                            .sorted(Comparator.comparing((Path p) -> version(p.getParent().getFileName().toString())).reversed())
                            .forEach(candidates::add);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return candidates.stream().filter(b -> Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres")
                .allMatch(tool -> Files.isExecutable(b.resolve(tool)))).findFirst().orElse(null);
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean userExists(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes and starts the primary on {@code primaryPort} and the standby on {@code standbyPort}, their data in
     * {@code dir} (emptied first). Returns when the standby streams from the primary (as a synchronous standby
     * when asked).
     */
    public static ReplicatedPostgres start(Path dir, int primaryPort, int standbyPort, boolean synchronous)
            throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(missing()));
        dir = dir.toAbsolutePath();
        ReplicatedPostgres pair = new ReplicatedPostgres(bin, dir, primaryPort, standbyPort, isRoot());
        pair.stopBoth(); // servers a killed run left on these folders
        Node.deleteTree(dir);
        Files.createDirectories(dir);
        if (pair.asPostgres) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        Runtime.getRuntime().addShutdownHook(pair.reaper);
        try {
            pair.run("initdb", "-D", pair.primaryDir().toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8");
            List<String> primaryOptions = new ArrayList<>(List.of(COMMON));
            if (synchronous) {
                // Only the primary waits for a standby: the standby, once promoted, runs alone.
                primaryOptions.addAll(List.of("-c", "synchronous_standby_names=*", "-c", "synchronous_commit=on"));
            }
            pair.startServer(pair.primaryDir(), primaryPort, primaryOptions);
            pair.run("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres",
                    "-D", pair.standbyDir().toString(), "-R", "-X", "stream", "-c", "fast");
            pair.startServer(pair.standbyDir(), standbyPort, List.of(COMMON));
            pair.awaitStreaming(synchronous);
            return pair;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int standbyPort() {
        return standbyPort;
    }

    /**
     * The application's JDBC URL for {@code database}: both servers, and only a primary taken
     * ({@code targetServerType=primary}), so a standby is never written to.
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort + "/" + database
                + "?targetServerType=primary";
    }

    /** A connection as the superuser to one of the two servers. */
    public Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    /** The primary ends at once, as in a crash: {@code pg_ctl stop -m immediate} (no shutdown checkpoint). */
    public void stopPrimary() throws IOException, InterruptedException {
        run("pg_ctl", "-D", primaryDir().toString(), "-m", "immediate", "-w", "stop");
    }

    /** The standby becomes a primary ({@code pg_ctl promote}), waiting until it takes writes. */
    public void promoteStandby() throws IOException, InterruptedException {
        run("pg_ctl", "-D", standbyDir().toString(), "-w", "-t", "30", "promote");
    }

    private Path primaryDir() {
        return dir.resolve("primary");
    }

    private Path standbyDir() {
        return dir.resolve("standby");
    }

    private void startServer(Path data, int port, List<String> options) throws IOException, InterruptedException {
        StringBuilder o = new StringBuilder("-p " + port);
        for (int i = 0; i < options.size(); i += 2) {
            o.append(' ').append(options.get(i)).append(" '").append(options.get(i + 1)).append('\'');
        }
        run("pg_ctl", "-D", data.toString(), "-l", data.resolveSibling(data.getFileName() + ".log").toString(),
                "-w", "-t", "60", "-o", o.toString(), "start");
    }

    private void awaitStreaming(boolean synchronous) throws InterruptedException {
        String wanted = synchronous ? "sync" : "async";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen = "nothing";
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(primaryPort, "postgres");
                 var rs = c.createStatement().executeQuery("select state, sync_state from pg_stat_replication")) {
                if (rs.next()) {
                    seen = rs.getString(1) + "/" + rs.getString(2);
                    if ("streaming".equals(rs.getString(1)) && wanted.equals(rs.getString(2))) {
                        return;
                    }
                }
            } catch (SQLException e) {
                seen = e.getMessage();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The standby did not stream from the primary (" + wanted + ") in 30 s: " + seen);
    }

    /** Runs one of the server's tools (as postgres, when we are root) and fails with its output if it fails. */
    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("pg-tool", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish in 90 s: " + Files.readString(out));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Both servers stopped at once, whichever still runs. */
    private void stopBoth() {
        for (Path data : List.of(primaryDir(), standbyDir())) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
                } catch (IOException | RuntimeException e) {
                    System.err.println("Could not stop the PostgreSQL server in " + data + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Stops both servers and removes their data. */
    @Override
    public void close() throws IOException {
        stopBoth();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
        Node.deleteTree(dir);
    }
}
