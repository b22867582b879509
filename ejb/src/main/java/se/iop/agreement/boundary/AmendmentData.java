package se.iop.agreement.boundary;

/** A change to a decided agreement; {@code joining} is set when a new party joins by it. */
public record AmendmentData(java.time.LocalDate effectiveOn, String description, Long decisionId,
                            PartyData joining) {
}
