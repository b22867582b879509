package se.iop.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of the application's tables, read straight from the test database: did a request store anything? */
public final class Rows {

    /** Every table a request to the API could write to, audit tables included. */
    public static final List<String> TABLES = List.of("organisation", "committee", "contact", "agreement",
            "agreement_party", "committee_decision", "amendment", "account", "account_role", "revision",
            "organisation_aud", "agreement_aud", "agreement_party_aud", "committee_decision_aud", "amendment_aud");

    private Rows() {
    }

    public static Map<String, Long> count() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = ItDatabase.database().connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** One value from the database, e.g. {@code Rows.value("select title from agreement where id = ?", id)}. */
    public static Object value(String sql, Object... params) {
        try (Connection c = ItDatabase.database().connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number the query gives, e.g. {@code Rows.count("select count(*) from expense where agreement_id = ?", id)}. */
    public static long count(String sql, Object... params) {
        return ((Number) value(sql, params)).longValue();
    }

    /** How many rows one table holds. */
    public static long rowsOf(String table) {
        return count("select count(*) from " + table);
    }

    /** A statement that changes rows, for what a test sets up by hand (a date long past, a row as an old version left it). */
    public static void update(String sql, Object... params) {
        try (Connection c = ItDatabase.database().connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column of values, in the order the query gives them. */
    public static List<Object> values(String sql, Object... params) {
        try (Connection c = ItDatabase.database().connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
