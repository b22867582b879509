package se.iop.landlord.boundary;

import se.iop.landlord.entity.VersionStatus;

import java.time.Instant;

/** One packet in the list: its agreement and its newest version. */
public record PacketSummary(Long id, Long agreementId, String agreementTitle, String title, int latestNumber,
                            VersionStatus latestStatus, Instant latestPublishedAt) {
}
