package se.iop.it;

import se.iop.account.entity.PasswordHash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Throw-away accounts made straight in the test database (quicker than the accounts API), for tests that need one. */
public final class ItAccounts {

    public static final String PASSWORD = "ett-langt-losenord";

    private ItAccounts() {
    }

    /** A fresh active account with one role (bound to the organisation when given); its id. */
    public static long create(String role, Long organisationId) {
        String username = ("it-acct-" + Fixtures.unique("").strip()).toLowerCase();
        try (Connection c = ItDatabase.database().connect()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into account (username, password_hash, display_name,"
                    + " organisation_id) values (?, ?, ?, ?) returning id")) {
                ps.setString(1, username);
                ps.setString(2, PasswordHash.of(PASSWORD.toCharArray()));
                ps.setString(3, "IT integration");
                ps.setObject(4, organisationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into account_role (account_id, role) values (?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, role);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
