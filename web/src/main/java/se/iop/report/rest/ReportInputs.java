package se.iop.report.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.common.Money;
import se.iop.report.boundary.ReportDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.CohortFigures;
import se.iop.report.entity.Measure;
import se.iop.report.entity.Outcomes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What clients send to the report API, checked for shape before the domain sees it. */
public final class ReportInputs {

    private ReportInputs() {
    }

    /** A report's content; the counts by the names of {@link Measure#field()}. */
    public record ReportInput(Long agreementId, @Size(max = 20) @Schema(example = "2025-Q4") String period,
                              @Size(max = ActivityReport.NARRATIVE_MAX) String narrative,
                              @Count Integer peopleInContact,
                              @Count Integer householdsHoused,
                              @Count Integer householdsHousedTotal,
                              @Count Integer tenancies6Due,
                              @Count Integer tenancies6Kept,
                              @Count Integer tenancies12Due,
                              @Count Integer tenancies12Kept,
                              @Count Integer leasesTakenOver,
                              @Count Integer evictions,
                              @Count Integer disturbanceCases,
                              @Count Integer landlordsEngaged,
                              @Count Integer shelterNightsAvoided,
                              @Count Integer experienceExperts,
                              @Count Integer referralsOutreach,
                              @Count Integer referralsSocialServices,
                              @Count Integer referralsOther,
                              @Count Integer waitingForFlat,
                              @Count Integer matchedToFlat,
                              @Size(max = MAX_COHORTS) List<@NotNull @Valid CohortInput> cohorts,
                              @Schema(minimum = "0", maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal costs,
                              Long version) {

        public ReportDraft draft() {
            Map<Measure, Integer> counts = new EnumMap<>(Measure.class);
            counts.put(Measure.PEOPLE_IN_CONTACT, peopleInContact);
            counts.put(Measure.HOUSEHOLDS_HOUSED, householdsHoused);
            counts.put(Measure.HOUSEHOLDS_HOUSED_TOTAL, householdsHousedTotal);
            counts.put(Measure.TENANCIES_6_DUE, tenancies6Due);
            counts.put(Measure.TENANCIES_6_KEPT, tenancies6Kept);
            counts.put(Measure.TENANCIES_12_DUE, tenancies12Due);
            counts.put(Measure.TENANCIES_12_KEPT, tenancies12Kept);
            counts.put(Measure.LEASES_TAKEN_OVER, leasesTakenOver);
            counts.put(Measure.EVICTIONS, evictions);
            counts.put(Measure.DISTURBANCE_CASES, disturbanceCases);
            counts.put(Measure.LANDLORDS_ENGAGED, landlordsEngaged);
            counts.put(Measure.SHELTER_NIGHTS_AVOIDED, shelterNightsAvoided);
            counts.put(Measure.EXPERIENCE_EXPERTS, experienceExperts);
            counts.put(Measure.REFERRALS_OUTREACH, referralsOutreach);
            counts.put(Measure.REFERRALS_SOCIAL_SERVICES, referralsSocialServices);
            counts.put(Measure.REFERRALS_OTHER, referralsOther);
            counts.put(Measure.WAITING_FOR_FLAT, waitingForFlat);
            counts.put(Measure.MATCHED_TO_FLAT, matchedToFlat);
            List<CohortFigures> figures = new ArrayList<>();
            if (cohorts != null) {
                for (int i = 0; i < cohorts.size(); i++) {
                    figures.add(cohorts.get(i).figures(i));
                }
            }
            return new ReportDraft(agreementId, period, narrative, counts, figures, costs);
        }
    }

    /** A report states at most this many intake cohorts (25 years of quarters). */
    static final int MAX_COHORTS = 100;

    /**
     * One intake cohort's figures: the quarter the households moved in ("2024-Q1"), how many did, how many
     * still lived there 12 and 24 months later, and how many have so far moved on by choice, been evicted,
     * become homeless again or taken over the lease in their own name.
     */
    public record CohortInput(@NotBlank @Size(max = 20) @Schema(example = "2024-Q1") String cohort,
                              @Count Integer housed, @Count Integer retained12, @Count Integer retained24,
                              @Count Integer movedOn, @Count Integer evictions, @Count Integer returnedHomeless,
                              @Count Integer leasesOwn) {

        CohortFigures figures(int index) {
            return CohortFigures.of(cohort, index, housed, retained12, retained24, movedOn, evictions, returnedHomeless,
                    leasesOwn);
        }
    }

    /** A count as the domain takes it (documented here; {@link Outcomes} refuses others, naming the field). */
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Schema(minimum = "0", maximum = "" + Outcomes.MAX)
    @interface Count {
    }

    public record VersionInput(Long version) {
    }

    public record ReturnInput(@NotBlank @Size(max = ActivityReport.COMMENT_MAX) String comment, Long version) {
    }
}
