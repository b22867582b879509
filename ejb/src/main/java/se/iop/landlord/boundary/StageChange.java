package se.iop.landlord.boundary;

import se.iop.landlord.entity.FlatStage;

import java.time.LocalDate;

/** A step asked for: to which stage, on what day, why (when the rules ask for a reason), on which version. */
public record StageChange(FlatStage stage, LocalDate date, String reason, Long version) {
}
