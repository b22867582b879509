package se.iop.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.common.Bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A decision over several items through the API (approve these reports, pay these payments), and its outcome. */
public final class BulkJson {

    private BulkJson() {
    }

    /** An item to decide on, with the version the client read (optional). */
    public record BulkItem(@NotNull Long id, Long version) {
    }

    /** The items of a decision. */
    public record BulkItems(@NotNull @Size(min = 1, max = Bulk.MAX_ITEMS) List<@NotNull @Valid BulkItem> items) {

        public List<Bulk.Item> toItems() {
            return items.stream().map(i -> new Bulk.Item(i.id(), i.version())).toList();
        }
    }

    /** The items of a payment decision and the day they were paid. */
    public record BulkPayments(@NotNull LocalDate paidOn,
                                @NotNull @Size(min = 1, max = Bulk.MAX_ITEMS) List<@NotNull @Valid BulkItem> items) {

        public List<Bulk.Item> toItems() {
            return new BulkItems(items).toItems();
        }
    }

    /** One item's outcome: DONE with its new state and version, or REFUSED with the field and why. */
    public record BulkItemOutcome(long id, @Schema(enumeration = {"DONE", "REFUSED"}) String outcome, String state,
                             Long version, String field, String detail) {
    }

    /** How many were done and refused, and each item's outcome in the order sent. */
    public record BulkOutcome(int done, int refused, List<BulkItemOutcome> items) {

        public static BulkOutcome of(List<Bulk.Outcome> outcomes) {
            List<BulkItemOutcome> items = outcomes.stream().map(o -> o.done()
                    ? new BulkItemOutcome(o.id(), "DONE", o.state(), o.version(), null, null)
                    : new BulkItemOutcome(o.id(), "REFUSED", null, null, o.refusal().field(), o.refusal().message(Locale.ENGLISH)))
                    .toList();
            int done = (int) outcomes.stream().filter(Bulk.Outcome::done).count();
            return new BulkOutcome(done, outcomes.size() - done, items);
        }
    }
}
