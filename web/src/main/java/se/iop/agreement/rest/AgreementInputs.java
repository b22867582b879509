package se.iop.agreement.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.agreement.boundary.AgreementDraft;
import se.iop.agreement.boundary.AmendmentData;
import se.iop.agreement.boundary.DecisionData;
import se.iop.agreement.boundary.LeaveData;
import se.iop.agreement.boundary.PartyData;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.AgreementText;
import se.iop.agreement.entity.EligibilityChecklist;
import se.iop.agreement.entity.PartyRole;
import se.iop.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What clients send to the agreement API, checked for shape before the domain sees it. */
public final class AgreementInputs {

    private AgreementInputs() {
    }

    public record AgreementInput(@NotBlank @Size(max = 100) String reference,
                                 @NotBlank @Size(max = Agreement.TITLE_MAX) String title,
                                 @Size(max = Agreement.TEXT_MAX) String background,
                                 @Size(max = Agreement.TEXT_MAX) String sharedValues,
                                 @Size(max = Agreement.TEXT_MAX) String goals,
                                 @Size(max = Agreement.TEXT_MAX) String targetGroup,
                                 @Size(max = Agreement.TEXT_MAX) String organisationOfWork,
                                 @Size(max = Agreement.TEXT_MAX) String followUpPlan,
                                 LocalDate startDate, LocalDate endDate,
                                 @Min(0) @Max(120) Integer noticeMonths,
                                 Long version) {

        public AgreementDraft draft() {
            return new AgreementDraft(reference, title,
                    new AgreementText(background, sharedValues, goals, targetGroup, organisationOfWork, followUpPlan),
                    startDate, endDate, noticeMonths);
        }
    }

    public record PartyInput(@NotNull Long organisationId, @NotNull PartyRole role, LocalDate joinedOn,
                             @Size(max = 4000) String commitment,
                             @Schema(minimum = "0", maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal contributionAmount,
                             @Size(max = 1000) String contributionInKind) {
        public PartyData data() {
            return new PartyData(organisationId, role, joinedOn, commitment, contributionAmount, contributionInKind);
        }
    }

    public record DecisionInput(@NotNull Long committeeId, @NotNull LocalDate meetingDate,
                                @Size(max = 50) String paragraph, @Size(max = 100) String diarienummer,
                                @Size(max = 4000) String text,
                                @Schema(minimum = "0", maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal amount) {
        public DecisionData data() {
            return new DecisionData(committeeId, meetingDate, paragraph, diarienummer, text, amount);
        }
    }

    public record AmendmentInput(@NotNull LocalDate effectiveOn, @NotBlank @Size(max = 4000) String description,
                                 Long decisionId, @Valid PartyInput joining) {
        public AmendmentData data() {
            return new AmendmentData(effectiveOn, description, decisionId, joining == null ? null : joining.data());
        }
    }

    /** A party leaves: {@code leftOn} is its last day as a party; the amendment's text and decision. */
    public record LeaveInput(@NotNull LocalDate leftOn, @NotBlank @Size(max = 4000) String description, Long decisionId) {
        public LeaveData data() {
            return new LeaveData(leftOn, description, decisionId);
        }
    }

    public record EligibilityInput(boolean ownInitiative, boolean coFinancing, boolean noMarket,
                                   boolean procurementAndStateAidAssessed, @Size(max = 4000) String note,
                                   Long version) {
        public EligibilityChecklist checklist() {
            return new EligibilityChecklist(ownInitiative, coFinancing, noMarket, procurementAndStateAidAssessed, note);
        }
    }

    public record StatusInput(@NotNull AgreementStatus status, LocalDate on, @Size(max = 2000) String reason,
                              Long version) {
    }
}
