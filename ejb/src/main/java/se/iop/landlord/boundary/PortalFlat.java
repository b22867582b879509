package se.iop.landlord.boundary;

import se.iop.landlord.entity.FlatStage;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One of my flats in the landlord portal: where, how large, and how far it has come. */
public record PortalFlat(long flatId, String address, BigDecimal areaSqm, int rooms, FlatStage stage, LocalDate stageOn) {
}
