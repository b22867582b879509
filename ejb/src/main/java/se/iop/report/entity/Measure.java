package se.iop.report.entity;

/**
 * One aggregate outcome a partner reports for a period, never about a single person. A flow counts
 * what happened during the period (households housed, evictions) and adds up over periods; a stock
 * describes the situation at the period's end (households in their own home, tenancies kept), so over
 * several periods the latest one counts.
 */
public enum Measure {
    PEOPLE_IN_CONTACT("peopleInContact", "people_in_contact", true, false),
    HOUSEHOLDS_HOUSED("householdsHoused", "households_housed", true, true),
    HOUSEHOLDS_HOUSED_TOTAL("householdsHousedTotal", "households_housed_total", true, false),
    TENANCIES_6_DUE("tenancies6Due", "tenancies_6_due", true, false),
    TENANCIES_6_KEPT("tenancies6Kept", "tenancies_6_kept", true, false),
    TENANCIES_12_DUE("tenancies12Due", "tenancies_12_due", true, false),
    TENANCIES_12_KEPT("tenancies12Kept", "tenancies_12_kept", true, false),
    LEASES_TAKEN_OVER("leasesTakenOver", "leases_taken_over", true, true),
    EVICTIONS("evictions", "evictions", true, true),
    DISTURBANCE_CASES("disturbanceCases", "disturbance_cases", true, true),
    LANDLORDS_ENGAGED("landlordsEngaged", "landlords_engaged", true, false),
    /** Where known: a partner may leave it empty. */
    SHELTER_NIGHTS_AVOIDED("shelterNightsAvoided", "shelter_nights_avoided", false, true),
    EXPERIENCE_EXPERTS("experienceExperts", "experience_experts", true, false),
    /** The referral flow, where known: referrals received by source (outreach, social services, other) … */
    REFERRALS_OUTREACH("referralsOutreach", "referrals_outreach", false, true),
    REFERRALS_SOCIAL_SERVICES("referralsSocialServices", "referrals_social_services", false, true),
    REFERRALS_OTHER("referralsOther", "referrals_other", false, true),
    /** … households referred and waiting for a flat at the period's end, and matched to a flat during it; moved in is {@link #HOUSEHOLDS_HOUSED}. */
    WAITING_FOR_FLAT("waitingForFlat", "waiting_for_flat", false, false),
    MATCHED_TO_FLAT("matchedToFlat", "matched_to_flat", false, true);

    private final String field;
    private final String column;
    private final boolean required;
    private final boolean flow;

    Measure(String field, String column, boolean required, boolean flow) {
        this.field = field;
        this.column = column;
        this.required = required;
        this.flow = flow;
    }

    /** The name of the input field and of the JSON member. */
    public String field() {
        return field;
    }

    public String column() {
        return column;
    }

    /** Required before the report can be submitted. */
    public boolean required() {
        return required;
    }

    public boolean flow() {
        return flow;
    }
}
