package se.iop.fuzz;

import se.iop.it.ItDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ids of things that exist, for the parameters and id fields of requests, found by name in the database's
 * own description of itself: {@code {partyId}} under {@code /agreements/{id}} is a row of the table whose
 * name ends in {@code party} and refers to that agreement ({@code agreement_party}). So a new operation
 * gets real ids without the test knowing it; where no table fits, 1.
 */
final class DemoIds implements AutoCloseable {

    /** A thing found: its table and id (or the value of the column asked for). */
    record Found(String table, long value) {
    }

    private final Connection connection;
    private final List<String> tables = new ArrayList<>();
    private final Map<String, Found> cache = new HashMap<>();

    DemoIds() {
        try {
            connection = ItDatabase.database().connect();
            try (var s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "select tablename from pg_tables where schemaname = current_schema() and tablename not like '%\\_aud'"
                            + " and tablename not like 'flyway%' order by tablename")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The thing a name stands for ({@code partyId}, {@code id} after {@code parties}, {@code number} after
     * {@code versions}), within the parent found before it where its table refers to the parent's.
     */
    Found find(String name, String segmentBefore, Found parent) {
        String key = name + "|" + segmentBefore + "|" + parent;
        return cache.computeIfAbsent(key, k -> lookUp(name, segmentBefore, parent));
    }

    private Found lookUp(String name, String segmentBefore, Found parent) {
        String column = "id";
        String thing;
        if (name.endsWith("Ids")) {
            thing = name.substring(0, name.length() - 3);
        } else if (name.endsWith("Id")) {
            thing = name.substring(0, name.length() - 2);
        } else {
            thing = segmentBefore == null ? name : singular(segmentBefore);
            column = name.equals("id") ? "id" : snake(name);
        }
        String table = table(snake(thing), parent);
        if (table == null) {
            return new Found(null, 1);
        }
        try {
            String referring = parent == null ? null : reference(table, parent.table());
            String sql = "select " + column + " from " + table + (referring == null ? "" : " where " + referring + " = ?")
                    + " order by id limit 1";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (referring != null) {
                    ps.setLong(1, parent.value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return new Found(table, rs.next() ? rs.getLong(1) : 1);
                }
            }
        } catch (SQLException e) {
            return new Found(table, 1);
        }
    }

    /** {@code party} is {@code agreement_party}: the table of that name, or ending in it, preferring one that refers to the parent. */
    private String table(String thing, Found parent) {
        List<String> candidates = tables.stream().filter(t -> t.equals(thing) || t.endsWith("_" + thing)).toList();
        if (parent != null && parent.table() != null) {
            for (String t : candidates) {
                if (reference(t, parent.table()) != null) {
                    return t;
                }
            }
        }
        return candidates.contains(thing) ? thing : candidates.stream().findFirst().orElse(null);
    }

    /** The column of {@code table} that refers to {@code parent}, or null. */
    private String reference(String table, String parent) {
        if (parent == null) {
            return null;
        }
        try (PreparedStatement ps = connection.prepareStatement("select a.attname from pg_constraint c"
                + " join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                + " where c.contype = 'f' and c.conrelid = ?::regclass and c.confrelid = ?::regclass limit 1")) {
            ps.setString(1, table);
            ps.setString(2, parent);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    static String singular(String segment) {
        String s = segment.replace('-', '_');
        if (s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the test database goes away with the run
        }
    }
}
