package se.iop.landlord.boundary;

import se.iop.landlord.entity.FlatStage;
import se.iop.landlord.entity.FlatStageChange;

import java.time.Instant;
import java.time.LocalDate;

/** One step of a flat's way, as the landlord page's timeline and the API show it. */
public record FlatStep(FlatStage from, FlatStage to, LocalDate on, String reason, String by, Instant at) {

    static FlatStep of(FlatStageChange c) {
        return new FlatStep(c.from(), c.to(), c.on(), c.reason(), c.by(), c.at());
    }
}
