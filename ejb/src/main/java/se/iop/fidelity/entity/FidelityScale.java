package se.iop.fidelity.entity;

import se.iop.common.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fidelity instrument as the municipality keeps it in the database: the steps of the scale (the lowest
 * and highest are its minimum and maximum) and the five domains with their items. It says what a score may
 * be and what a set of scores adds up to; the wording is data, the rules are here.
 */
public record FidelityScale(List<Step> steps, List<Domain> domains) {

    public record Step(int score, String label) {
    }

    public record Item(long id, String code, String text) {
    }

    public record Domain(String code, String name, List<Item> items) {
    }

    public FidelityScale {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a scale needs steps");
        }
        steps = List.copyOf(steps);
        domains = List.copyOf(domains);
    }

    public int min() {
        return steps.stream().mapToInt(Step::score).min().orElseThrow();
    }

    public int max() {
        return steps.stream().mapToInt(Step::score).max().orElseThrow();
    }

    public List<Item> items() {
        return domains.stream().flatMap(d -> d.items().stream()).toList();
    }

    public Optional<Item> item(String code) {
        return items().stream().filter(i -> i.code().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
    }

    public Optional<Item> item(long id) {
        return items().stream().filter(i -> i.id() == id).findFirst();
    }

    /** The item of that code, or 422 naming {@code item} and the code sent. */
    public Item known(String code) {
        return item(code).orElseThrow(() -> new InvalidInput("item", "error.fidelity.unknownItem",
                code == null ? "" : code));
    }

    /** Refuses a score that is no step of the scale, naming the item (an empty score is a draft's gap). */
    public void check(Item item, Integer score) {
        if (score != null && steps.stream().noneMatch(s -> s.score() == score)) {
            throw new InvalidInput("score", "error.fidelity.outOfScale", item.code(), score, min(), max());
        }
    }

    /** What the scores (by item id) add up to, per domain and in total, against what the scale allows. */
    public Scoring score(Map<Long, Integer> scores) {
        List<DomainScore> result = new ArrayList<>();
        for (Domain d : domains) {
            int sum = 0;
            int scored = 0;
            for (Item i : d.items()) {
                Integer s = scores.get(i.id());
                if (s != null) {
                    sum += s;
                    scored++;
                }
            }
            result.add(new DomainScore(d.code(), d.name(), sum, d.items().size() * max(), scored, d.items().size()));
        }
        return new Scoring(result);
    }

    /** One domain's sum against its maximum (items × the highest step), and how many of its items are scored. */
    public record DomainScore(String code, String name, int sum, int max, int scored, int items) {
        public boolean complete() {
            return scored == items;
        }
    }

    /** The domains' scores and their total. */
    public record Scoring(List<DomainScore> domains) {
        public int total() {
            return domains.stream().mapToInt(DomainScore::sum).sum();
        }

        public int max() {
            return domains.stream().mapToInt(DomainScore::max).sum();
        }

        public boolean complete() {
            return domains.stream().allMatch(DomainScore::complete);
        }

        public int unscored() {
            return domains.stream().mapToInt(d -> d.items() - d.scored()).sum();
        }
    }
}
