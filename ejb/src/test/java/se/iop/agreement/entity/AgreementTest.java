package se.iop.agreement.entity;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.iop.common.DomainException;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.agreement.entity.Nykoping.END;
import static se.iop.agreement.entity.Nykoping.MEETING;
import static se.iop.agreement.entity.Nykoping.START;

class AgreementTest {

    private final Nykoping n = new Nykoping();

    private static <T extends DomainException> T refused(Class<T> type, String field, String key, Executable action) {
        T e = assertThrows(type, action);
        assertEquals(field, e.field(), "field of " + e.getMessage());
        assertEquals(key, e.key());
        return e;
    }

    @Nested
    class Creating {

        @Test
        void startsAsAnOpenDraft() {
            Agreement a = new Agreement("  SN 2023/0412 ", " Bostad först ");
            assertEquals(AgreementStatus.DRAFT, a.status());
            assertEquals("SN 2023/0412", a.reference());
            assertEquals("Bostad först", a.title());
            assertEquals(Period.open(), a.period());
            assertFalse(a.eligibility().complete());
            assertTrue(a.parties().isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void needsAReferenceAndATitle(String blank) {
            refused(InvalidInput.class, "reference", "error.required", () -> new Agreement(blank, "Titel"));
            refused(InvalidInput.class, "title", "error.required", () -> new Agreement("SN 1", blank));
            refused(InvalidInput.class, "title", "error.required", () -> new Agreement("SN 1", null));
        }

        @Test
        void limitsTheTitle() {
            assertEquals(300, new Agreement("SN 1", "x".repeat(300)).title().length());
            refused(InvalidInput.class, "title", "error.tooLong", () -> new Agreement("SN 1", "x".repeat(301)));
            refused(InvalidInput.class, "reference", "error.tooLong", () -> new Agreement("x".repeat(101), "T"));
        }

        @Test
        void describesItsProseAndLimitsIt() {
            Agreement a = n.draft();
            a.describe(new AgreementText("Bakgrund", " ", "Mål", null, "Styrgrupp", "Kvartalsvis"));
            assertEquals("Bakgrund", a.text().background());
            assertNull(a.text().sharedValues());
            assertEquals("Styrgrupp", a.text().organisation());
            refused(InvalidInput.class, "goals", "error.tooLong", () -> a.describe(
                    new AgreementText(null, null, "x".repeat(Agreement.TEXT_MAX + 1), null, null, null)));
            a.describe(null);
            assertNull(a.text().background());
        }

        @Test
        void schedulesAPeriodAndANoticePeriod() {
            Agreement a = n.draft();
            a.schedule(Period.of(START, null), 0);
            assertEquals(Period.of(START, null), a.period());
            assertEquals(0, a.noticeMonths());
            a.schedule(null, null);
            assertEquals(Period.open(), a.period());
            refused(InvalidInput.class, "noticeMonths", "error.agreement.noticeMonths",
                    () -> a.schedule(Period.of(START, END), 121));
            refused(InvalidInput.class, "noticeMonths", "error.agreement.noticeMonths",
                    () -> a.schedule(Period.of(START, END), -1));
            assertEquals(Period.open(), a.period());
        }
    }

    @Nested
    class Deciding {

        @Test
        void needsACommitteeDecision() {
            Agreement a = n.draftWithParties();
            a.assessEligibility(Nykoping.complete());
            refused(StateConflict.class, "status", "error.agreement.decideNeedsDecision", a::decide);
            assertEquals(AgreementStatus.DRAFT, a.status());
        }

        @ParameterizedTest
        @MethodSource("se.iop.agreement.entity.AgreementTest#incompleteChecklists")
        void needsEveryEligibilityCriterionMet(EligibilityChecklist checklist) {
            Agreement a = n.draftWithParties();
            n.decide(a);
            a.assessEligibility(checklist);
            refused(StateConflict.class, "eligibility", "error.agreement.decideNeedsEligibility", a::decide);
            assertEquals(AgreementStatus.DRAFT, a.status());
        }

        @Test
        void isDecidedWithADecisionAndACompleteChecklist() {
            Agreement a = n.draftWithParties();
            n.decide(a);
            a.assessEligibility(Nykoping.complete());
            a.decide();
            assertEquals(AgreementStatus.DECIDED, a.status());
        }

        @Test
        void theChecklistCannotBeMadeIncompleteOnceDecided() {
            Agreement a = n.decided();
            refused(StateConflict.class, "eligibility", "error.agreement.eligibilityLocked",
                    () -> a.assessEligibility(new EligibilityChecklist(true, true, false, true, null)));
            assertTrue(a.eligibility().complete());
            a.assessEligibility(new EligibilityChecklist(true, true, true, true, "Ny notering"));
            assertEquals("Ny notering", a.eligibility().note());
            refused(InvalidInput.class, "eligibility", "error.required", () -> a.assessEligibility(null));
        }

        @Test
        void cannotBeDecidedTwice() {
            Agreement a = n.decided();
            refused(StateConflict.class, "status", "error.agreement.transition", a::decide);
        }
    }

    static Stream<EligibilityChecklist> incompleteChecklists() {
        return Stream.of(
                new EligibilityChecklist(false, true, true, true, null),
                new EligibilityChecklist(true, false, true, true, null),
                new EligibilityChecklist(true, true, false, true, null),
                new EligibilityChecklist(true, true, true, false, null),
                EligibilityChecklist.unanswered());
    }

    @Nested
    class Activating {

        @Test
        void needsAStartDate() {
            Agreement a = n.decided();
            a.schedule(Period.of(null, END), 6);
            refused(StateConflict.class, "startDate", "error.agreement.activeNeedsStart", a::activate);
            assertEquals(AgreementStatus.DECIDED, a.status());
        }

        @Test
        void needsAPublicPartyOnTheStartDate() {
            Agreement a = n.draft();
            a.addParty(n.kommun, PartyRole.PUBLIC_PARTNER, START.plusDays(1));
            a.addParty(n.stadsmission, PartyRole.NON_PROFIT_PARTNER, START);
            n.decide(a);
            a.assessEligibility(Nykoping.complete());
            a.decide();
            refused(StateConflict.class, "parties", "error.agreement.activeNeedsPublicParty", a::activate);
            assertEquals(AgreementStatus.DECIDED, a.status());
        }

        @Test
        void needsANonProfitPartyOnTheStartDate() {
            Agreement a = n.draft();
            a.addParty(n.kommun, PartyRole.PUBLIC_PARTNER, null);
            a.addParty(n.nykopingshem, PartyRole.ASSOCIATED, START);
            a.addParty(n.stadsmission, PartyRole.NON_PROFIT_PARTNER, START.plusMonths(1));
            n.decide(a);
            a.assessEligibility(Nykoping.complete());
            a.decide();
            refused(StateConflict.class, "parties", "error.agreement.activeNeedsNonProfitParty", a::activate);
            assertEquals(AgreementStatus.DECIDED, a.status());
        }

        @Test
        void aPartyThatLeftBeforeTheStartDoesNotCount() {
            Agreement a = n.draftWithParties();
            a.addParty(n.verdandi, PartyRole.NON_PROFIT_PARTNER, START.minusMonths(2));
            AgreementParty stadsmission = a.parties().get(1);
            a.removeParty(stadsmission);
            a.partyLeaves(a.parties().get(1), START.minusDays(1), "Parten lämnar", null);
            n.decide(a);
            a.assessEligibility(Nykoping.complete());
            a.decide();
            refused(StateConflict.class, "parties", "error.agreement.activeNeedsNonProfitParty", a::activate);
        }

        @Test
        void comesIntoForceWithStartDateAndBothKindsOfParty() {
            Agreement a = Signed.byEveryParty(n.decided());
            a.activate();
            assertEquals(AgreementStatus.ACTIVE, a.status());
        }

        @Test
        void theStartDateStaysOnceInForce() {
            Agreement a = n.active();
            refused(InvalidInput.class, "startDate", "error.agreement.activeNeedsStart",
                    () -> a.schedule(Period.of(null, END), 6));
            refused(StateConflict.class, "startDate", "error.agreement.startFixed",
                    () -> a.schedule(Period.of(START.plusDays(1), END), 6));
            assertEquals(START, a.period().start());
            a.schedule(Period.of(START, END.plusYears(1)), 3);
            assertEquals(END.plusYears(1), a.period().end());
        }
    }

    @Nested
    class Closing {

        @Test
        void endsWhenInForce() {
            Agreement a = n.ended();
            assertEquals(AgreementStatus.ENDED, a.status());
            assertEquals(END, a.closedOn());
            assertNull(a.closingReason());
        }

        @Test
        void isTerminatedWithAReason() {
            Agreement a = n.active();
            refused(InvalidInput.class, "reason", "error.required", () -> a.terminate(START.plusMonths(3), " "));
            assertEquals(AgreementStatus.ACTIVE, a.status());
            a.terminate(START.plusMonths(3), "Medlen drogs in");
            assertEquals(AgreementStatus.TERMINATED, a.status());
            assertEquals("Medlen drogs in", a.closingReason());
        }

        @Test
        void aDecidedAgreementMayBeTerminatedButNotEnded() {
            Agreement a = n.decided();
            refused(StateConflict.class, "status", "error.agreement.transition", () -> a.end(END));
            a.terminate(START, "Stadsmissionen drog sig ur");
            assertEquals(AgreementStatus.TERMINATED, a.status());
        }

        @Test
        void needsADateNotBeforeTheStart() {
            Agreement a = n.active();
            refused(InvalidInput.class, "closedOn", "error.required", () -> a.end(null));
            refused(InvalidInput.class, "closedOn", "error.agreement.closedBeforeStart", () -> a.end(START.minusDays(1)));
            assertEquals(AgreementStatus.ACTIVE, a.status());
            assertNull(a.closedOn());
        }
    }

    @Nested
    class Transitions {

        static Stream<Arguments> refusedSteps() {
            return Stream.of(
                    Arguments.of("draft", AgreementStatus.ACTIVE),
                    Arguments.of("draft", AgreementStatus.ENDED),
                    Arguments.of("draft", AgreementStatus.TERMINATED),
                    Arguments.of("draft", AgreementStatus.DRAFT),
                    Arguments.of("decided", AgreementStatus.DRAFT),
                    Arguments.of("decided", AgreementStatus.DECIDED),
                    Arguments.of("decided", AgreementStatus.ENDED),
                    Arguments.of("active", AgreementStatus.DRAFT),
                    Arguments.of("active", AgreementStatus.DECIDED),
                    Arguments.of("active", AgreementStatus.ACTIVE),
                    Arguments.of("ended", AgreementStatus.ACTIVE),
                    Arguments.of("ended", AgreementStatus.TERMINATED),
                    Arguments.of("ended", AgreementStatus.DRAFT),
                    Arguments.of("terminated", AgreementStatus.ACTIVE),
                    Arguments.of("terminated", AgreementStatus.ENDED),
                    Arguments.of("terminated", AgreementStatus.DECIDED));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("refusedSteps")
        void noStepBackwardsOrSkipped(String state, AgreementStatus target) {
            Agreement a = at(state);
            AgreementStatus before = a.status();
            refused(StateConflict.class, "status", "error.agreement.transition",
                    () -> a.moveTo(target, END, "Skäl"));
            assertEquals(before, a.status());
        }

        @Test
        void moveToTakesEachAllowedStep() {
            Agreement a = n.draftWithParties();
            n.decide(a);
            a.assessEligibility(Nykoping.complete());
            a.moveTo(AgreementStatus.DECIDED, null, null);
            Signed.byEveryParty(a);
            a.moveTo(AgreementStatus.ACTIVE, null, null);
            a.moveTo(AgreementStatus.ENDED, END, null);
            assertEquals(AgreementStatus.ENDED, a.status());
            refused(InvalidInput.class, "status", "error.required", () -> n.draft().moveTo(null, null, null));
        }

        private Agreement at(String state) {
            return switch (state) {
                case "draft" -> n.draftWithParties();
                case "decided" -> n.decided();
                case "active" -> n.active();
                case "ended" -> n.ended();
                case "terminated" -> n.terminated();
                default -> throw new IllegalArgumentException(state);
            };
        }
    }

    @Nested
    class ClosedAgreements {

        List<Consumer<Agreement>> edits() {
            return List.of(
                    a -> a.retitle("SN 2099/1", "Ny titel"),
                    a -> a.describe(new AgreementText("Ny bakgrund", null, null, null, null, null)),
                    a -> a.schedule(Period.of(START, END.plusYears(1)), 3),
                    a -> a.assessEligibility(Nykoping.complete()),
                    a -> a.registerDecision(n.socialnamnden, MEETING, "§ 1", null, null, null),
                    a -> a.amend(START.plusMonths(1), "Verdandi ansluter", null, n.verdandi, PartyRole.NON_PROFIT_PARTNER),
                    a -> a.addParty(n.verdandi, PartyRole.NON_PROFIT_PARTNER, START),
                    a -> a.partyLeaves(a.parties().get(1), START.plusMonths(1), "Parten lämnar", null),
                    a -> a.removeParty(a.parties().get(1)));
        }

        @Test
        void refuseEveryEdit() {
            for (Agreement a : List.of(n.ended(), n.terminated())) {
                for (Consumer<Agreement> edit : edits()) {
                    assertThrows(StateConflict.class, () -> edit.accept(a));
                }
                assertEquals("Bostad först Nyköping – fas 1", a.title());
                assertEquals("SN 2023/0412", a.reference());
                assertEquals(Period.of(START, END), a.period());
                assertEquals(2, a.parties().size());
                assertEquals(1, a.decisions().size());
                assertTrue(a.amendments().isEmpty());
                assertTrue(a.parties().stream().allMatch(p -> p.leftOn() == null));
            }
        }

        @Test
        void sayWhy() {
            Agreement a = n.ended();
            StateConflict e = refused(StateConflict.class, "status", "error.agreement.closed",
                    () -> a.retitle("SN 2099/1", "Ny titel"));
            assertTrue(e.getMessage().contains("ENDED"), e.getMessage());
        }
    }

    @Nested
    class Parties {

        @Test
        void areAddedWhileDrafted() {
            Agreement a = n.draft();
            AgreementParty p = a.addParty(n.kommun, PartyRole.PUBLIC_PARTNER, START);
            assertSame(n.kommun, p.organisation());
            assertSame(a, p.agreement());
            assertEquals(List.of(p), a.parties());
            assertTrue(a.hasParty(n.kommun));
            assertFalse(a.hasParty(n.stadsmission));
        }

        @Test
        void joinLaterOnlyThroughAnAmendment() {
            Agreement a = n.active();
            refused(StateConflict.class, "organisationId", "error.party.onlyByAmendment",
                    () -> a.addParty(n.verdandi, PartyRole.NON_PROFIT_PARTNER, START));
            CommitteeDecision joining = a.registerDecision(n.socialnamnden, LocalDate.of(2024, 5, 16), "§ 64", null,
                    "Verdandi ansluter", null);
            LocalDate from = LocalDate.of(2024, 6, 1);
            Amendment m = a.amend(from, "Verdandi ansluter", joining, n.verdandi, PartyRole.NON_PROFIT_PARTNER);
            assertEquals(3, a.parties().size());
            AgreementParty verdandi = m.addedParty();
            assertSame(n.verdandi, verdandi.organisation());
            assertEquals(from, verdandi.joinedOn());
            assertSame(joining, m.decision());
            assertEquals(List.of(m), a.amendments());
            assertFalse(verdandi.partOn(from.minusDays(1)));
            assertTrue(verdandi.partOn(from));
        }

        @Test
        void anAmendmentNeedsNoNewParty() {
            Agreement a = n.decided();
            Amendment m = a.amend(START, "Uppföljningsplanen ändras", null, null, null);
            assertNull(m.addedParty());
            assertEquals(2, a.parties().size());
        }

        @Test
        void aDraftHasNoAmendments() {
            Agreement a = n.draftWithParties();
            refused(StateConflict.class, "effectiveOn", "error.amendment.notInDraft",
                    () -> a.amend(START, "Ändring", null, n.verdandi, PartyRole.NON_PROFIT_PARTNER));
            assertEquals(2, a.parties().size());
        }

        @Test
        void aRefusedAmendmentAddsNoParty() {
            Agreement a = n.active();
            refused(InvalidInput.class, "effectiveOn", "error.required",
                    () -> a.amend(null, "Verdandi ansluter", null, n.verdandi, PartyRole.NON_PROFIT_PARTNER));
            refused(InvalidInput.class, "description", "error.required",
                    () -> a.amend(START, " ", null, n.verdandi, PartyRole.NON_PROFIT_PARTNER));
            refused(InvalidInput.class, "effectiveOn", "error.amendment.afterEnd",
                    () -> a.amend(END.plusDays(1), "Sent", null, n.verdandi, PartyRole.NON_PROFIT_PARTNER));
            refused(InvalidInput.class, "role", "error.party.nonProfitNeedsNonProfit",
                    () -> a.amend(START, "Fel roll", null, n.nykopingshem, PartyRole.NON_PROFIT_PARTNER));
            assertEquals(2, a.parties().size());
            assertTrue(a.amendments().isEmpty());
        }

        @Test
        void anAmendmentRestsOnADecisionOfThisAgreement() {
            Agreement other = n.decided();
            CommitteeDecision foreign = other.decisions().get(0);
            Agreement a = n.decided();
            refused(InvalidInput.class, "decisionId", "error.amendment.foreignDecision",
                    () -> a.amend(START, "Ändring", foreign, null, null));
        }

        @Test
        void anOrganisationIsPartyOnceAtATime() {
            Agreement a = n.draftWithParties();
            refused(StateConflict.class, "organisationId", "error.party.duplicate",
                    () -> a.addParty(n.stadsmission, PartyRole.NON_PROFIT_PARTNER, END));
            assertEquals(2, a.parties().size());
        }

        @Test
        void aPartyThatLeftMayJoinAgain() {
            Agreement a = n.active();
            a.partyLeaves(a.parties().get(1), LocalDate.of(2024, 1, 31), "Parten lämnar", null);
            a.amend(LocalDate.of(2024, 9, 1), "Stadsmissionen återkommer", null, n.stadsmission,
                    PartyRole.NON_PROFIT_PARTNER);
            assertEquals(3, a.parties().size());
        }

        @Test
        void roleMustMatchTheKindOfOrganisation() {
            Agreement a = n.draft();
            refused(InvalidInput.class, "role", "error.party.publicNeedsMunicipality",
                    () -> a.addParty(n.stadsmission, PartyRole.PUBLIC_PARTNER, START));
            refused(InvalidInput.class, "role", "error.party.publicNeedsMunicipality",
                    () -> a.addParty(n.nykopingshem, PartyRole.PUBLIC_PARTNER, START));
            refused(InvalidInput.class, "role", "error.party.nonProfitNeedsNonProfit",
                    () -> a.addParty(n.kommun, PartyRole.NON_PROFIT_PARTNER, START));
            refused(InvalidInput.class, "role", "error.party.nonProfitNeedsNonProfit",
                    () -> a.addParty(n.nykopingshem, PartyRole.NON_PROFIT_PARTNER, START));
            assertTrue(a.parties().isEmpty());
            a.addParty(n.nykopingshem, PartyRole.ASSOCIATED, START);
            assertEquals(1, a.parties().size());
        }

        @Test
        void needsAnActiveOrganisationAndARole() {
            Agreement a = n.draft();
            refused(InvalidInput.class, "organisationId", "error.required",
                    () -> a.addParty(null, PartyRole.PUBLIC_PARTNER, START));
            refused(InvalidInput.class, "role", "error.required", () -> a.addParty(n.kommun, null, START));
            n.verdandi.deactivate();
            refused(StateConflict.class, "organisationId", "error.party.inactiveOrganisation",
                    () -> a.addParty(n.verdandi, PartyRole.NON_PROFIT_PARTNER, START));
            assertTrue(a.parties().isEmpty());
        }

        @Test
        void areRemovedOnlyFromADraft() {
            Agreement draft = n.draftWithParties();
            draft.removeParty(draft.parties().get(1));
            assertEquals(1, draft.parties().size());
            Agreement decided = n.decided();
            refused(StateConflict.class, "partyId", "error.party.removeOnlyInDraft",
                    () -> decided.removeParty(decided.parties().get(1)));
            assertEquals(2, decided.parties().size());
        }

        @Test
        void theMunicipalityWhoseCommitteeDecidedStaysAParty() {
            Agreement a = n.draftWithParties();
            n.decide(a);
            refused(StateConflict.class, "partyId", "error.party.hasDecisions", () -> a.removeParty(a.parties().get(0)));
            assertTrue(a.hasParty(n.kommun));
        }

        @Test
        void leaveNotBeforeJoining() {
            Agreement a = n.active();
            AgreementParty stadsmission = a.parties().get(1);
            refused(InvalidInput.class, "leftOn", "error.party.leavesBeforeJoining",
                    () -> a.partyLeaves(stadsmission, START.minusDays(1), "Parten lämnar", null));
            refused(InvalidInput.class, "leftOn", "error.required", () -> a.partyLeaves(stadsmission, null, "Parten lämnar", null));
            a.partyLeaves(stadsmission, START.plusYears(1), "Parten lämnar", null);
            assertEquals(START.plusYears(1), stadsmission.leftOn());
            assertTrue(a.currentParties(START.plusYears(1), PartyRole.NON_PROFIT_PARTNER).contains(stadsmission));
            assertTrue(a.currentParties(START.plusYears(1).plusDays(1), PartyRole.NON_PROFIT_PARTNER).isEmpty());
        }

        @Test
        void unknownIdsAreNamed() {
            Agreement a = n.draftWithParties();
            refused(InvalidInput.class, "partyId", "error.party.unknown", () -> a.party(42));
            refused(InvalidInput.class, "decisionId", "error.decision.unknown", () -> a.decision(42));
        }
    }

    @Nested
    class Decisions {

        @Test
        void comeFromACommitteeOfAMunicipalityThatIsAParty() {
            Agreement a = n.draftWithParties();
            refused(InvalidInput.class, "committeeId", "error.decision.committeeNotParty",
                    () -> a.registerDecision(n.grannkommunensNamnd, MEETING, "§ 1", null, null, null));
            assertTrue(a.decisions().isEmpty());
            CommitteeDecision d = n.decide(a);
            assertSame(n.socialnamnden, d.committee());
            assertEquals(List.of(d), a.decisions());
        }

        @Test
        void aDraftWithoutTheMunicipalityTakesNoDecision() {
            Agreement a = n.draft();
            a.addParty(n.stadsmission, PartyRole.NON_PROFIT_PARTNER, START);
            refused(InvalidInput.class, "committeeId", "error.decision.committeeNotParty", () -> n.decide(a));
        }

        @Test
        void needACommitteeAndAMeetingDate() {
            Agreement a = n.draftWithParties();
            refused(InvalidInput.class, "committeeId", "error.required",
                    () -> a.registerDecision(null, MEETING, null, null, null, null));
            refused(InvalidInput.class, "meetingDate", "error.required",
                    () -> a.registerDecision(n.socialnamnden, null, null, null, null, null));
            refused(InvalidInput.class, "paragraph", "error.tooLong",
                    () -> a.registerDecision(n.socialnamnden, MEETING, "§".repeat(51), null, null, null));
            refused(InvalidInput.class, "amount", "error.money.negative",
                    () -> a.registerDecision(n.socialnamnden, MEETING, null, null, null, new BigDecimal("-1")));
            assertTrue(a.decisions().isEmpty());
        }

        @Test
        void decidedAmountIsTheSumOfTheDecisions() {
            Agreement a = n.draftWithParties();
            assertEquals(new BigDecimal("0.00"), a.decidedAmount());
            n.decide(a);
            a.registerDecision(n.socialnamnden, MEETING.plusDays(7), null, null, null, new BigDecimal("850000.50"));
            a.registerDecision(n.socialnamnden, MEETING.plusDays(14), null, null, null, null);
            assertEquals(new BigDecimal("1700000.50"), a.decidedAmount());
        }
    }
}
