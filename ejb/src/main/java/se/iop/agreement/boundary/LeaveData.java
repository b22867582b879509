package se.iop.agreement.boundary;

import java.time.LocalDate;

/** A party leaving by an amendment: its last day as a party, what the amendment says, and the decision behind it. */
public record LeaveData(LocalDate leftOn, String description, Long decisionId) {
}
