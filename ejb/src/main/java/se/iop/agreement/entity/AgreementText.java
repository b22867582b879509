package se.iop.agreement.entity;

/**
 * The prose of an IOP as Swedish guidance lays it out: background and shared values, goals, target
 * group, how the partnership is organised, and how it is followed up.
 */
public record AgreementText(String background, String sharedValues, String goals, String targetGroup,
                            String organisation, String followUpPlan) {

    public static AgreementText empty() {
        return new AgreementText(null, null, null, null, null, null);
    }
}
