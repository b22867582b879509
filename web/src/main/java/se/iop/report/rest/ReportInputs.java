package se.iop.report.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.common.Money;
import se.iop.report.boundary.ReportDraft;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.Measure;
import se.iop.report.entity.Outcomes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.EnumMap;
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
            return new ReportDraft(agreementId, period, narrative, counts, costs);
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
