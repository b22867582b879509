package se.iop.landlord.boundary;

/**
 * The flats of one landlord (or of all, when {@code landlordId} is null) per stage, and the median days from
 * offer to move-in. Counts under three are null (hidden), as is a median that fewer than three flats stand behind.
 */
public record PipelineRow(Long landlordId, String landlord, Integer offered, Integer matched, Integer movedIn,
                          Integer leaseTakenOver, Integer withdrawn, Integer ended, Integer medianDaysToMoveIn) {

    public boolean total() {
        return landlordId == null;
    }
}
