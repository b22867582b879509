package se.iop.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A statement written with named parameters ({@code :name}, as in the persistence queries) for a hot read that runs
 * straight over JDBC, without a persistence context made and closed around it: parsed once into the driver's
 * {@code ?} placeholders and the name each stands for, in order. A {@code ::type} cast is no parameter; quoted text
 * must hold no colon before a letter.
 */
public final class NamedSql {

    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-zA-Z]\\w*)");

    private final String jdbc;
    private final List<String> names;

    private NamedSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    public static NamedSql of(String sql) {
        List<String> names = new ArrayList<>();
        String jdbc = NAME.matcher(sql).replaceAll(m -> {
            names.add(m.group(1));
            return "?";
        });
        return new NamedSql(jdbc, List.copyOf(names));
    }

    /** The statement as the driver takes it. */
    public String jdbc() {
        return jdbc;
    }

    /** The parameters' names, one per placeholder, in order (a name used twice is there twice). */
    public List<String> names() {
        return names;
    }

    /** Binds each placeholder to its name's value; a name without one is a mistake of the caller, said at once. */
    public void bind(PreparedStatement statement, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            statement.setObject(i + 1, values.get(name));
        }
    }
}
