package se.iop.common;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One decision over several items (approve these reports, pay these payments): each item is decided on its own
 * rules in a transaction of its own, so a refused item leaves the others decided and is itself left untouched;
 * the outcome says, item by item, what was done or why not. The caller's method runs without a transaction and
 * calls the single-item decision through its own EJB proxy (that call is the transaction).
 */
public final class Bulk {

    /** The most items one decision takes: a page's worth, and a request that ends in reasonable time. */
    public static final int MAX_ITEMS = 200;

    /** An item to decide on, with the version the user saw (null: whatever is stored). */
    public record Item(long id, Long version) implements Serializable {
    }

    /** What the decision made of an item: its new state and version. */
    public record Done(String state, long version) {
    }

    /** One item's outcome: done (its new state and version), or refused and why (the rule's problem). */
    public record Outcome(long id, String state, Long version, DomainException refusal) implements Serializable {

        public boolean done() {
            return refusal == null;
        }
    }

    private Bulk() {
    }

    /**
     * Decides each item in turn. A rule's refusal ({@link DomainException}: wrong state, stale version, over the
     * allocation, not found…) is that item's outcome; anything else (no role, the database gone) ends the whole
     * request as a single call would, the items before it decided.
     */
    public static List<Outcome> each(List<Item> items, Function<Item, Done> decision) {
        check(items);
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (Item item : items) {
            try {
                Done done = decision.apply(item);
                outcomes.add(new Outcome(item.id(), done.state(), done.version(), null));
            } catch (DomainException refused) {
                outcomes.add(new Outcome(item.id(), null, null, refused));
            }
        }
        return outcomes;
    }

    private static void check(List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidInput("items", "error.bulk.none");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInput("items", "error.bulk.tooMany", MAX_ITEMS);
        }
        Set<Long> seen = new HashSet<>();
        for (Item item : items) {
            if (item == null) {
                throw new InvalidInput("items", "error.bulk.none");
            }
            if (!seen.add(item.id())) {
                throw new InvalidInput("items", "error.bulk.twice", item.id());
            }
        }
    }
}
