package se.iop.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import se.iop.common.InvalidInput;
import se.iop.common.Percent;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregate outcomes of a report, one count per {@link Measure}. A draft may leave counts empty;
 * a count is never negative, and no more tenancies are kept than were due to be.
 */
@Embeddable
public class Outcomes implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX = 1_000_000;

    @Column(name = "people_in_contact")
    private Integer peopleInContact;
    @Column(name = "households_housed")
    private Integer householdsHoused;
    @Column(name = "households_housed_total")
    private Integer householdsHousedTotal;
    @Column(name = "tenancies_6_due")
    private Integer tenancies6Due;
    @Column(name = "tenancies_6_kept")
    private Integer tenancies6Kept;
    @Column(name = "tenancies_12_due")
    private Integer tenancies12Due;
    @Column(name = "tenancies_12_kept")
    private Integer tenancies12Kept;
    @Column(name = "leases_taken_over")
    private Integer leasesTakenOver;
    @Column(name = "evictions")
    private Integer evictions;
    @Column(name = "disturbance_cases")
    private Integer disturbanceCases;
    @Column(name = "landlords_engaged")
    private Integer landlordsEngaged;
    @Column(name = "shelter_nights_avoided")
    private Integer shelterNightsAvoided;
    @Column(name = "experience_experts")
    private Integer experienceExperts;
    @Column(name = "referrals_outreach")
    private Integer referralsOutreach;
    @Column(name = "referrals_social_services")
    private Integer referralsSocialServices;
    @Column(name = "referrals_other")
    private Integer referralsOther;
    @Column(name = "waiting_for_flat")
    private Integer waitingForFlat;
    @Column(name = "matched_to_flat")
    private Integer matchedToFlat;

    protected Outcomes() {
    }

    public static Outcomes none() {
        return new Outcomes();
    }

    /** Counts by measure; a measure left out is empty. */
    public static Outcomes of(Map<Measure, Integer> counts) {
        Outcomes o = new Outcomes();
        Map<Measure, Integer> given = counts == null ? Map.of() : counts;
        for (Measure m : Measure.values()) {
            Integer n = given.get(m);
            if (n != null && n < 0) {
                throw new InvalidInput(m.field(), "error.report.countNegative");
            }
            if (n != null && n > MAX) {
                throw new InvalidInput(m.field(), "error.report.countTooLarge", MAX);
            }
            o.set(m, n);
        }
        keptWithinDue(o, Measure.TENANCIES_6_KEPT, Measure.TENANCIES_6_DUE);
        keptWithinDue(o, Measure.TENANCIES_12_KEPT, Measure.TENANCIES_12_DUE);
        return o;
    }

    private static void keptWithinDue(Outcomes o, Measure kept, Measure due) {
        Integer k = o.get(kept);
        Integer d = o.get(due);
        if (k != null && d != null && k > d) {
            throw new InvalidInput(kept.field(), "error.report.keptOverDue");
        }
    }

    public Integer get(Measure m) {
        return switch (m) {
            case PEOPLE_IN_CONTACT -> peopleInContact;
            case HOUSEHOLDS_HOUSED -> householdsHoused;
            case HOUSEHOLDS_HOUSED_TOTAL -> householdsHousedTotal;
            case TENANCIES_6_DUE -> tenancies6Due;
            case TENANCIES_6_KEPT -> tenancies6Kept;
            case TENANCIES_12_DUE -> tenancies12Due;
            case TENANCIES_12_KEPT -> tenancies12Kept;
            case LEASES_TAKEN_OVER -> leasesTakenOver;
            case EVICTIONS -> evictions;
            case DISTURBANCE_CASES -> disturbanceCases;
            case LANDLORDS_ENGAGED -> landlordsEngaged;
            case SHELTER_NIGHTS_AVOIDED -> shelterNightsAvoided;
            case EXPERIENCE_EXPERTS -> experienceExperts;
            case REFERRALS_OUTREACH -> referralsOutreach;
            case REFERRALS_SOCIAL_SERVICES -> referralsSocialServices;
            case REFERRALS_OTHER -> referralsOther;
            case WAITING_FOR_FLAT -> waitingForFlat;
            case MATCHED_TO_FLAT -> matchedToFlat;
        };
    }

    private void set(Measure m, Integer n) {
        switch (m) {
            case PEOPLE_IN_CONTACT -> peopleInContact = n;
            case HOUSEHOLDS_HOUSED -> householdsHoused = n;
            case HOUSEHOLDS_HOUSED_TOTAL -> householdsHousedTotal = n;
            case TENANCIES_6_DUE -> tenancies6Due = n;
            case TENANCIES_6_KEPT -> tenancies6Kept = n;
            case TENANCIES_12_DUE -> tenancies12Due = n;
            case TENANCIES_12_KEPT -> tenancies12Kept = n;
            case LEASES_TAKEN_OVER -> leasesTakenOver = n;
            case EVICTIONS -> evictions = n;
            case DISTURBANCE_CASES -> disturbanceCases = n;
            case LANDLORDS_ENGAGED -> landlordsEngaged = n;
            case SHELTER_NIGHTS_AVOIDED -> shelterNightsAvoided = n;
            case EXPERIENCE_EXPERTS -> experienceExperts = n;
            case REFERRALS_OUTREACH -> referralsOutreach = n;
            case REFERRALS_SOCIAL_SERVICES -> referralsSocialServices = n;
            case REFERRALS_OTHER -> referralsOther = n;
            case WAITING_FOR_FLAT -> waitingForFlat = n;
            case MATCHED_TO_FLAT -> matchedToFlat = n;
        }
    }

    public Map<Measure, Integer> asMap() {
        Map<Measure, Integer> map = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            map.put(m, get(m));
        }
        return map;
    }

    /** The first count a submitted report must have and this one lacks. */
    public Optional<Measure> missing() {
        for (Measure m : Measure.values()) {
            if (m.required() && get(m) == null) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Share of the tenancies due at 12 months that were kept, in per cent with one decimal; null without any due. */
    public BigDecimal retention12() {
        return percent(tenancies12Kept, tenancies12Due);
    }

    public BigDecimal retention6() {
        return percent(tenancies6Kept, tenancies6Due);
    }

    public static BigDecimal percent(Integer part, Integer whole) {
        if (part == null || whole == null || whole == 0) {
            return null;
        }
        return Percent.of(part, whole);
    }
}
