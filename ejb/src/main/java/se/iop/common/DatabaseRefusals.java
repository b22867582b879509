package se.iop.common;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.PropertyValueException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where PostgreSQL's refusal of what a request sent becomes the problem the user can act
 * on: a duplicate (409, naming the field and the value), a reference to nothing or a value out of range
 * or not storable (422), a concurrent change (409). The domain checks most of these before it writes;
 * this is what holds when a check is missing or two requests race. Everything else — a broken
 * connection, a bug in a query — is no refusal and stays an error of the server.
 *
 * <p>The driver's structured fields (constraint, table, column, detail) do not depend on the language
 * the server writes its messages in; they are read by name, so the module needs no compile-time tie to
 * the driver, and any other driver still gets the class of the refusal from its SQLState.
 */
public final class DatabaseRefusals {

    private static final Logger LOG = Logger.getLogger(DatabaseRefusals.class.getName());

    /** Could not serialize (REPEATABLE READ, SERIALIZABLE) and deadlock: the same request may succeed again. */
    private static final Set<String> TRY_AGAIN = Set.of("40001", "40P01");

    /** "(agreement_id, name)=(1, Fas 1)" in a unique or foreign key violation's detail. */
    private static final Pattern KEY = Pattern.compile("\\((.+?)\\)=\\((.*)\\)");
    private static final Pattern FUNCTION = Pattern.compile("^[a-z_]+\\((.*)\\)$");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Columns whose field in the API and on the pages has another name. */
    private static final Map<String, String> FIELDS = Map.of(
            "value_sek", "value", "decision_text", "text", "elig_note", "note", "person_name", "name");

    private DatabaseRefusals() {
    }

    /** The refusal a failure stands for, or empty when it is no refusal of what was sent. */
    public static Optional<DomainException> of(Throwable failure) {
        if (!(failure instanceof DomainException) && concurrent(failure)) {
            // Before the causes are read one by one: Hibernate reports a deadlock as an optimistic lock failure.
            return Optional.of(logged(new TryAgain(), "40001/40P01", null));
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException known) {
                return Optional.of(known);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Optional.of(new StaleVersion());
            }
            if (t instanceof PropertyValueException pve) {
                return Optional.of(logged(new InvalidInput(pve.getPropertyName(), "error.required"), "not null",
                        pve.getPropertyName()));
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    DomainException refusal = refusal(s);
                    if (refusal != null) {
                        return Optional.of(refusal);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static DomainException refusal(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.length() != 5) {
            return null;
        }
        String constraint = server(e, "getConstraint");
        DomainException refusal = switch (state) {
            case "23505" -> duplicate(e);
            case "23503" -> reference(e);
            case "23502" -> new InvalidInput(field(server(e, "getColumn")), "error.required");
            case "23514" -> new InvalidInput(checkedField(server(e, "getTable"), constraint), "error.db.check");
            case "23P01" -> new StateConflict(null, "error.db.conflict");
            case "22001" -> new InvalidInput(null, "error.db.tooLong");
            case "22003", "22008" -> new InvalidInput(null, "error.db.outOfRange");
            // NUL and text the database's encoding cannot hold (the driver refuses a NUL itself: 22023).
            case "22021", "22P05", "22023" -> new InvalidInput(null, "error.db.characters");
            default -> state.startsWith("22") ? new InvalidInput(null, "error.db.invalid") : null;
        };
        return refusal == null ? null : logged(refusal, state, constraint);
    }

    /**
     * Whether the database gave up on the transaction only because of a concurrent one (40001, 40P01):
     * nothing was stored and the same request may be sent again ({@link TryAgain}, 409 with Retry-After).
     */
    public static boolean concurrent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && TRY_AGAIN.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static DomainException duplicate(SQLException e) {
        Key key = Key.of(server(e, "getDetail"));
        if (key == null) {
            return new StateConflict(null, "error.db.conflict");
        }
        return new StateConflict(field(key.column()), "error.db.duplicate", key.value());
    }

    /**
     * A reference to a row that is not there (the key is the referring column), or the removal of a row
     * still referred to (the key is the referred row's id).
     */
    private static DomainException reference(SQLException e) {
        Key key = Key.of(server(e, "getDetail"));
        if (key == null || "id".equals(key.column())) {
            return new StateConflict(null, "error.db.inUse");
        }
        return new InvalidInput(field(key.column()), "error.db.unknownReference", key.value());
    }

    /** PostgreSQL names a column's check {@code <table>_<column>_check}; a check over several columns names none. */
    private static String checkedField(String table, String constraint) {
        if (table == null || constraint == null || !constraint.startsWith(table + "_")) {
            return null;
        }
        String column = constraint.substring(table.length() + 1).replaceFirst("_check\\d*$", "");
        return column.equals(constraint.substring(table.length() + 1)) || column.isEmpty() ? null : field(column);
    }

    /** The field of a column: {@code organisation_number} is {@code organisationNumber}. */
    static String field(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        String mapped = FIELDS.get(column);
        if (mapped != null) {
            return mapped;
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = camel.length() > 0;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static DomainException logged(DomainException refusal, String state, String constraint) {
        LOG.info(() -> "The database refused a request (" + state + (constraint == null ? "" : " " + constraint)
                + "): answered as " + refusal.getClass().getSimpleName()
                + (refusal.field() == null ? "" : " of field " + refusal.field()));
        return refusal;
    }

    /** A field of the PostgreSQL driver's error message, or null with any other driver. */
    private static String server(SQLException e, String getter) {
        try {
            Object message = e.getClass().getMethod("getServerErrorMessage").invoke(e);
            return message == null ? null : (String) message.getClass().getMethod(getter).invoke(message);
        } catch (ReflectiveOperationException | RuntimeException notPostgres) {
            return null;
        }
    }

    /**
     * The key of a violation's detail: the column it is about (the last that is not another row's id,
     * as {@code name} in {@code (agreement_id, name)}) and the value given for it.
     */
    record Key(String column, String value) {

        static Key of(String detail) {
            if (detail == null) {
                return null;
            }
            Matcher m = KEY.matcher(detail);
            if (!m.find()) {
                return null;
            }
            List<String> columns = split(m.group(1));
            String[] values = m.group(2).split(", ", -1);
            int chosen = columns.size() - 1;
            while (chosen > 0 && columns.get(chosen).endsWith("_id")) {
                chosen--;
            }
            String value;
            if (values.length == columns.size()) {
                value = values[chosen];
            } else if (chosen == columns.size() - 1) {
                // The value itself holds ", ": it is what is left after the ids before it.
                value = String.join(", ", List.of(values).subList(chosen, values.length));
            } else {
                value = "";
            }
            return new Key(columns.get(chosen), value);
        }

        /** Column names out of an index's expressions, e.g. {@code lower((reference)::text)} is {@code reference}. */
        private static List<String> split(String expressions) {
            List<String> columns = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= expressions.length(); i++) {
                char c = i == expressions.length() ? ',' : expressions.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    columns.add(column(expressions.substring(start, i).strip()));
                    start = i + 1;
                }
            }
            return columns;
        }

        private static String column(String expression) {
            String e = expression.replaceAll("::[a-z ]+", "").strip();
            Matcher f = FUNCTION.matcher(e);
            while (f.matches()) {
                e = f.group(1).strip();
                f = FUNCTION.matcher(e);
            }
            e = e.replace("(", "").replace(")", "").strip().toLowerCase(Locale.ROOT);
            Matcher id = IDENTIFIER.matcher(e);
            return id.find() ? id.group() : e;
        }
    }
}
