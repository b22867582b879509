package se.iop.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamedSqlTest {

    @Test
    void namesBecomePlaceholdersInOrderAndACastStaysACast() {
        NamedSql sql = NamedSql.of("select x::text from t where a = :a and (:everything or o = :own) and b = :a");
        assertEquals("select x::text from t where a = ? and (? or o = ?) and b = ?", sql.jdbc());
        assertEquals(List.of("a", "everything", "own", "a"), sql.names());
    }

    @Test
    void aStatementWithoutNamesIsUnchanged() {
        NamedSql sql = NamedSql.of("select 1 where '12:30' < now()::text");
        assertEquals("select 1 where '12:30' < now()::text", sql.jdbc());
        assertEquals(List.of(), sql.names());
    }
}
