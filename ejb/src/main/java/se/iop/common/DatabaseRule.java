package se.iop.common;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule the database holds (a trigger of the migrations) that refused a write, read from the failure's
 * causes. Such triggers raise SQLSTATE 23514 with a message {@code rule_name: key=value, key=value}, so
 * that a service can say in the user's words which field broke which rule. Every other refusal of the
 * database (a duplicate, a concurrent change: 40001, 40P01) is read by {@link DatabaseRefusals}.
 */
public record DatabaseRule(String name, Map<String, String> values) {

    private static final String CHECK_VIOLATION = "23514";
    private static final Pattern RAISED = Pattern.compile("\\b([a-z][a-z_]*): ((?:[A-Za-z]+=[^,\\s]+(?:, )?)+)");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z]+)=([^,\\s]+)");

    /** The rule among the causes of {@code failure}, if a rule of this kind refused it. */
    public static Optional<DatabaseRule> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState()) && sql.getMessage() != null) {
                Optional<DatabaseRule> rule = parse(sql.getMessage());
                if (rule.isPresent()) {
                    return rule;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The rule in a database message such as {@code ERROR: rule_name: phase=17, allocated=100.00}. */
    static Optional<DatabaseRule> parse(String message) {
        Matcher m = RAISED.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher pair = PAIR.matcher(m.group(2));
        while (pair.find()) {
            values.put(pair.group(1), pair.group(2));
        }
        return Optional.of(new DatabaseRule(m.group(1), Map.copyOf(values)));
    }


    public boolean is(String rule) {
        return name.equals(rule);
    }

    public String value(String key) {
        return values.get(key);
    }

    public BigDecimal amount(String key) {
        String v = values.get(key);
        return v == null ? null : new BigDecimal(v);
    }

    public LocalDate date(String key) {
        String v = values.get(key);
        return v == null ? null : LocalDate.parse(v);
    }
}
