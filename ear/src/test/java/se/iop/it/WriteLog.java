package se.iop.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What committed transactions wrote, table by table, for tests that send many requests and must see that a
 * refused one wrote nothing: a statement trigger on every table of the application notes the table and
 * the transaction in a side table, inside the same transaction — a rolled-back write leaves no note.
 * Cheaper than counting every table after every request. {@link #close()} takes the triggers away again.
 */
public final class WriteLog implements AutoCloseable {

    private static final String TABLE = "it_write_log";

    private final Connection connection;
    private final PreparedStatement since;
    private final Set<String> background;
    private long seen;

    /**
     * @param background tables that work in the background writes on its own (e.g. the mailer marking a
     *                   delivery sent): a transaction that wrote only these is not counted
     */
    public WriteLog(Set<String> background) {
        this.background = background;
        try {
            connection = ItDatabase.database().connect();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("create unlogged table if not exists " + TABLE
                        + " (seq bigserial primary key, tx bigint not null, tab text not null)");
                s.execute("create or replace function it_note_write() returns trigger language plpgsql as $$"
                        + " begin insert into " + TABLE + " (tx, tab) values (txid_current(), TG_TABLE_NAME);"
                        + " return null; end $$");
                for (String table : tables()) {
                    s.execute("create or replace trigger it_note_write after insert or update or delete on "
                            + table + " for each statement execute function it_note_write()");
                }
                try (ResultSet rs = s.executeQuery("select coalesce(max(seq), 0) from " + TABLE)) {
                    rs.next();
                    seen = rs.getLong(1);
                }
            }
            since = connection.prepareStatement("select seq, tx, tab from " + TABLE + " where seq > ? order by seq");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot install the write log: " + e.getMessage(), e);
        }
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select tablename from pg_tables where schemaname = current_schema() and tablename <> '" + TABLE
                        + "' and tablename not like 'flyway%' order by tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The tables committed transactions wrote since the last time this was asked, but for the background's own. */
    public Set<String> writtenSinceAsked() {
        Map<Long, Set<String>> byTransaction = new LinkedHashMap<>();
        try {
            since.setLong(1, seen);
            try (ResultSet rs = since.executeQuery()) {
                while (rs.next()) {
                    seen = rs.getLong(1);
                    byTransaction.computeIfAbsent(rs.getLong(2), k -> new LinkedHashSet<>()).add(rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Set<String> written = new LinkedHashSet<>();
        byTransaction.values().stream().filter(tables -> !background.containsAll(tables)).forEach(written::addAll);
        return written;
    }

    @Override
    public void close() {
        try (Statement s = connection.createStatement()) {
            for (String table : tables()) {
                s.execute("drop trigger if exists it_note_write on " + table);
            }
            s.execute("drop function if exists it_note_write()");
            s.execute("drop table if exists " + TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the test database goes away with the run
            }
        }
    }
}
