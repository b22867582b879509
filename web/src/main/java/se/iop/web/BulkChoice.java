package se.iop.web;

import se.iop.common.Bulk;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A page's choice of items for one decision over several (a check box per row), and what the last decision made
 * of each: kept in the view, so it holds ids, versions and the lines shown, never entities.
 */
public class BulkChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One item's outcome as the page shows it: what it is, whether it was done, and the state or why not. */
    public record Line(String label, boolean done, String text) implements Serializable {
    }

    private final Map<Long, Boolean> chosen = new LinkedHashMap<>();
    private final Map<Long, Long> versions = new LinkedHashMap<>();
    private List<Line> lines = List.of();
    private int done;
    private int refused;

    /** The check boxes, by item id (a check box's value binds to {@code chosen[id]}). */
    public Map<Long, Boolean> getChosen() {
        return chosen;
    }

    /**
     * Notes the version of a row as the page first showed it since the last decision: the decision refuses an
     * item changed since (by someone else), as a single approval from the same page would.
     */
    public void shown(long id, long version) {
        versions.putIfAbsent(id, version);
    }

    /** The chosen items, in the order the page listed them, at the versions it showed. */
    public List<Bulk.Item> items() {
        List<Bulk.Item> items = new ArrayList<>();
        chosen.forEach((id, on) -> {
            if (Boolean.TRUE.equals(on)) {
                items.add(new Bulk.Item(id, versions.get(id)));
            }
        });
        return items;
    }

    /**
     * Keeps what the decision made of each item, in the reader's language: {@code label} names an item,
     * {@code stateText} says its new state. The choice is cleared for the next one.
     */
    public void show(List<Bulk.Outcome> outcomes, LongFunction<String> label, Function<String, String> stateText,
                     Locale locale) {
        List<Line> shown = new ArrayList<>();
        int ok = 0;
        for (Bulk.Outcome o : outcomes) {
            if (o.done()) {
                ok++;
                shown.add(new Line(label.apply(o.id()), true, stateText.apply(o.state())));
            } else {
                shown.add(new Line(label.apply(o.id()), false, o.refusal().message(locale)));
            }
        }
        lines = List.copyOf(shown);
        done = ok;
        refused = outcomes.size() - ok;
        chosen.clear();
        versions.clear();
    }

    public List<Line> getLines() {
        return lines;
    }

    public int getDone() {
        return done;
    }

    public int getRefused() {
        return refused;
    }
}
