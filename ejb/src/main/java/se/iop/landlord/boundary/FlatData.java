package se.iop.landlord.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A flat a landlord offers, as entered: address, size in m², rooms, available from. */
public record FlatData(String address, BigDecimal areaSqm, Integer rooms, LocalDate availableFrom) {
}
