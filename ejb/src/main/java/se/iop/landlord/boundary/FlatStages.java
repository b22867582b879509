package se.iop.landlord.boundary;

import se.iop.landlord.entity.FlatStage;
import se.iop.landlord.entity.OfferedFlat;

import java.time.LocalDate;
import java.util.List;

/** A flat's present stage with its version (for the next change) and every step, oldest first. */
public record FlatStages(long flatId, long landlordId, String address, FlatStage stage, LocalDate stageOn, long version,
                         List<FlatStep> steps) {

    static FlatStages of(OfferedFlat f) {
        return new FlatStages(f.id(), f.landlord().id(), f.address(), f.stage(), f.stageOn(), f.version(),
                f.steps().stream().map(FlatStep::of).toList());
    }
}
