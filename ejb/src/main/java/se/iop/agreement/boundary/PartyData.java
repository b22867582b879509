package se.iop.agreement.boundary;

import se.iop.agreement.entity.PartyRole;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An organisation to take part, in a role, from a date, with what it commits. */
public record PartyData(Long organisationId, PartyRole role, LocalDate joinedOn, String commitment,
                        BigDecimal contributionAmount, String contributionInKind) {
}
