package se.iop.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;

/**
 * Prepares the PostgreSQL database the application runs on: the server named by the
 * {@code IOP_DB_*} environment variables when one answers, otherwise an embedded real
 * PostgreSQL started here. Used by {@code ./run.sh} (through {@link #main}) and by the tests.
 */
public final class LocalDatabase implements AutoCloseable {

    private final Settings settings;
    private final EmbeddedPostgres embedded;
    private final int port;

    private LocalDatabase(Settings settings, EmbeddedPostgres embedded, int port) {
        this.settings = settings;
        this.embedded = embedded;
        this.port = port;
    }

    /** Where to find the server and which role and database the application uses. */
    public record Settings(String host, int port, String database, String user, String password,
                           String adminUser, String adminPassword) {

        public static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(
                    env.getOrDefault("IOP_DB_HOST", "127.0.0.1"),
                    Integer.parseInt(env.getOrDefault("IOP_DB_PORT", "5432")),
                    env.getOrDefault("IOP_DB_NAME", "iop"),
                    env.getOrDefault("IOP_DB_USER", "iop"),
                    env.getOrDefault("IOP_DB_PASSWORD", "iop"),
                    env.getOrDefault("IOP_DB_ADMIN_USER", "postgres"),
                    env.getOrDefault("IOP_DB_ADMIN_PASSWORD", ""));
        }

        public Settings withDatabase(String name) {
            return new Settings(host, port, name, user, password, adminUser, adminPassword);
        }
    }

    /**
     * Makes sure the role and the database exist on a reachable server, or starts an embedded one.
     *
     * @param embeddedDataDir where an embedded server keeps its files (kept between runs), or
     *                        {@code null} for a throw-away directory
     * @param recreate        drop and create the database afresh (tests), instead of keeping it (demo)
     */
    public static LocalDatabase prepare(Settings settings, Path embeddedDataDir, boolean recreate) throws IOException, SQLException {
        EmbeddedPostgres embedded = null;
        int port = settings.port();
        String host = settings.host();
        if (!reachable(host, port)) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
            if (embeddedDataDir != null) {
                Files.createDirectories(embeddedDataDir);
                builder.setDataDirectory(embeddedDataDir).setCleanDataDirectory(false);
            }
            System.out.printf("No PostgreSQL answers at %s:%d; starting an embedded PostgreSQL there%s.%n",
                    host, port, embeddedDataDir == null ? "" : " with its data in " + embeddedDataDir);
            embedded = builder.start();
            settings = new Settings("127.0.0.1", embedded.getPort(), settings.database(), settings.user(),
                    settings.password(), "postgres", "");
            port = embedded.getPort();
        }
        LocalDatabase db = new LocalDatabase(settings, embedded, port);
        try {
            db.ensureRoleAndDatabase(recreate);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + settings.host() + ":" + port + "/" + settings.database();
    }

    public String user() {
        return settings.user();
    }

    public String password() {
        return settings.password();
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** A connection as the application's role, for tests that look at what was stored. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), settings.user(), settings.password());
    }

    /**
     * A connection as the administrator to a database of the server ({@code postgres}, or the application's),
     * for tests that change what the application's role may do: take its database away for a while, a grant.
     */
    public Connection connectAsAdmin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + settings.host() + ":" + port + "/" + database,
                settings.adminUser(), settings.adminPassword());
    }

    /** The name of the application's database. */
    public String databaseName() {
        return settings.database();
    }

    private void ensureRoleAndDatabase(boolean recreate) throws SQLException {
        String adminUrl = "jdbc:postgresql://" + settings.host() + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, settings.adminUser(), settings.adminPassword());
             Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", settings.user())) {
                s.execute("create role " + identifier(settings.user()) + " login password " + literal(settings.password()));
            }
            boolean present = exists(c, "select 1 from pg_database where datname = ?", settings.database());
            if (present && recreate) {
                s.execute("drop database " + identifier(settings.database()) + " with (force)");
                present = false;
            }
            if (!present) {
                s.execute("create database " + identifier(settings.database()) + " owner " + identifier(settings.user())
                        + " encoding 'UTF8' template template0");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // Names come from our own environment variables, but quote them anyway.
    private static String identifier(String name) {
        return "\"" + Objects.requireNonNull(name).replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + Objects.requireNonNull(value).replace("'", "''") + "'";
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    /**
     * For {@code ./run.sh}: prepares the demo database, writes the JDBC URL to the file named by the
     * first argument, and keeps an embedded server running until this process is stopped.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalDatabase <url-file> <embedded-data-dir>");
            System.exit(2);
        }
        Path urlFile = Path.of(args[0]);
        Settings settings = Settings.fromEnvironment(System.getenv());
        LocalDatabase db = prepare(settings, Path.of(args[1]), false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (IOException e) {
                System.err.println("Stopping the embedded PostgreSQL failed: " + e.getMessage());
            }
        }));
        Files.writeString(urlFile, db.jdbcUrl() + "\n");
        System.out.println("Database ready: " + db.jdbcUrl() + (db.isEmbedded() ? " (embedded)" : ""));
        if (db.isEmbedded()) {
            Thread.currentThread().join();
        }
    }
}
