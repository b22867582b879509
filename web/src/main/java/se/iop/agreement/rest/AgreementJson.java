package se.iop.agreement.rest;

import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.EligibilityChecklist;
import se.iop.agreement.entity.PartyRole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An agreement as the API shows it, with its parties, decisions and amendments. */
public record AgreementJson(Long id, long version, String reference, String title, AgreementStatus status,
                            String background, String sharedValues, String goals, String targetGroup,
                            String organisationOfWork, String followUpPlan, LocalDate startDate, LocalDate endDate,
                            Integer noticeMonths, EligibilityJson eligibility, LocalDate closedOn,
                            String closingReason, BigDecimal decidedAmount, List<PartyJson> parties,
                            List<DecisionJson> decisions, List<AmendmentJson> amendments) {

    public record EligibilityJson(boolean ownInitiative, boolean coFinancing, boolean noMarket,
                                  boolean procurementAndStateAidAssessed, String note) {
        static EligibilityJson of(EligibilityChecklist e) {
            return new EligibilityJson(e.ownInitiative(), e.coFinancing(), e.noMarket(),
                    e.procurementAndStateAidAssessed(), e.note());
        }
    }

    public record PartyJson(Long id, Long organisationId, String organisationName, PartyRole role, LocalDate joinedOn,
                            LocalDate leftOn, String commitment, BigDecimal contributionAmount,
                            String contributionInKind) {
        static PartyJson of(AgreementParty p) {
            return new PartyJson(p.id(), p.organisation().id(), p.organisation().name(), p.role(), p.joinedOn(),
                    p.leftOn(), p.commitment(), p.contributionAmount(), p.contributionInKind());
        }
    }

    public record DecisionJson(Long id, Long committeeId, String committeeName, LocalDate meetingDate,
                               String paragraph, String diarienummer, String text, BigDecimal amount) {
        static DecisionJson of(CommitteeDecision d) {
            return new DecisionJson(d.id(), d.committee().id(), d.committee().name(), d.meetingDate(), d.paragraph(),
                    d.diarienummer(), d.text(), d.amount());
        }
    }

    public record AmendmentJson(Long id, LocalDate effectiveOn, String description, Long decisionId,
                                Long addedPartyId, Long leftPartyId) {
        static AmendmentJson of(Amendment m) {
            return new AmendmentJson(m.id(), m.effectiveOn(), m.description(),
                    m.decision() == null ? null : m.decision().id(),
                    m.addedParty() == null ? null : m.addedParty().id(),
                    m.leavingParty() == null ? null : m.leavingParty().id());
        }
    }

    public static AgreementJson of(Agreement a) {
        var t = a.text();
        return new AgreementJson(a.id(), a.version(), a.reference(), a.title(), a.status(), t.background(),
                t.sharedValues(), t.goals(), t.targetGroup(), t.organisation(), t.followUpPlan(),
                a.period().start(), a.period().end(), a.noticeMonths(), EligibilityJson.of(a.eligibility()),
                a.closedOn(), a.closingReason(), a.decidedAmount(),
                a.parties().stream().map(PartyJson::of).toList(),
                a.decisions().stream().map(DecisionJson::of).toList(),
                a.amendments().stream().map(AmendmentJson::of).toList());
    }

    /** The head only, for lists. */
    public record Brief(Long id, long version, String reference, String title, AgreementStatus status,
                        LocalDate startDate, LocalDate endDate) {
        public static Brief of(Agreement a) {
            return new Brief(a.id(), a.version(), a.reference(), a.title(), a.status(), a.period().start(),
                    a.period().end());
        }
    }
}
