package se.iop.privacy.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every personal datum IOP holds about a person (GDPR article 15): the records found, then one section per
 * place (table) with its rows, current data and the change history alike. {@code requestId} is the audit
 * record of the request.
 */
public record Extract(long requestId, Instant madeAt, List<String> subjects, List<Section> sections) {

    /** One place data is held: {@code place} is the table, {@code title} says in Swedish what it is. */
    public record Section(String place, String title, List<Map<String, String>> rows) {
    }
}
