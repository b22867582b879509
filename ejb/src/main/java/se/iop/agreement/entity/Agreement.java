package se.iop.agreement.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.common.Days;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.report.entity.DocumentText;
import se.iop.report.entity.FileType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An idea-based public partnership (IOP): the long-term agreement between a municipality and
 * non-profit organisations to reach a shared social goal. Guards its own life cycle: it is decided
 * only with a committee decision and a completed eligibility assessment, and put in force only with
 * a start date, both a public and a non-profit party, and every party's signature.
 */
@Entity
@Table(name = "agreement")
@Audited
@NamedQuery(name = Agreement.FIND_BY_REFERENCE,
        query = "select a from Agreement a where lower(a.reference) = lower(:reference)")
public class Agreement {

    public static final String FIND_BY_REFERENCE = "Agreement.findByReference";
    public static final int TITLE_MAX = 300;
    public static final int TEXT_MAX = 10000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** The municipality's diarienummer, e.g. "SN 2023/0412". */
    @Column(nullable = false, length = 100)
    private String reference;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(length = TEXT_MAX)
    private String background;

    @Column(name = "shared_values", length = TEXT_MAX)
    private String sharedValues;

    @Column(length = TEXT_MAX)
    private String goals;

    @Column(name = "target_group", length = TEXT_MAX)
    private String targetGroup;

    /** Steering group, working group, who is responsible for what. */
    @Column(name = "organisation_of_work", length = TEXT_MAX)
    private String organisationOfWork;

    @Column(name = "follow_up_plan", length = TEXT_MAX)
    private String followUpPlan;

    @Embedded
    private Period period = Period.open();

    @Column(name = "notice_months")
    private Integer noticeMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgreementStatus status = AgreementStatus.DRAFT;

    @Embedded
    private EligibilityChecklist eligibility = EligibilityChecklist.unanswered();

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "closing_reason", length = 2000)
    private String closingReason;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<AgreementParty> parties = new ArrayList<>();

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("meetingDate, id")
    private List<CommitteeDecision> decisions = new ArrayList<>();

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("effectiveOn, id")
    private List<Amendment> amendments = new ArrayList<>();

    // A signature is audited on its own; it changes neither the agreement's version (an activation read before it
    // stays valid) nor its history.
    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    @NotAudited
    private List<Signature> signatures = new ArrayList<>();

    protected Agreement() {
    }

    public Agreement(String reference, String title) {
        this.reference = Text.required("reference", reference, 100);
        this.title = Text.required("title", title, TITLE_MAX);
    }

    // --- editing -------------------------------------------------------------------------------

    public void retitle(String reference, String title) {
        requireOpen();
        String newReference = Text.required("reference", reference, 100);
        String newTitle = Text.required("title", title, TITLE_MAX);
        keepSigned("title", this.title, newTitle);
        this.reference = newReference;
        this.title = newTitle;
    }

    public void describe(AgreementText text) {
        requireOpen();
        if (text == null) {
            text = AgreementText.empty();
        }
        String newBackground = Text.optionalLines("background", text.background(), TEXT_MAX);
        String newSharedValues = Text.optionalLines("sharedValues", text.sharedValues(), TEXT_MAX);
        String newGoals = Text.optionalLines("goals", text.goals(), TEXT_MAX);
        String newTargetGroup = Text.optionalLines("targetGroup", text.targetGroup(), TEXT_MAX);
        String newOrganisation = Text.optionalLines("organisationOfWork", text.organisation(), TEXT_MAX);
        String newFollowUpPlan = Text.optionalLines("followUpPlan", text.followUpPlan(), TEXT_MAX);
        keepSigned("background", background, newBackground);
        keepSigned("sharedValues", sharedValues, newSharedValues);
        keepSigned("goals", goals, newGoals);
        keepSigned("targetGroup", targetGroup, newTargetGroup);
        keepSigned("organisationOfWork", organisationOfWork, newOrganisation);
        keepSigned("followUpPlan", followUpPlan, newFollowUpPlan);
        this.background = newBackground;
        this.sharedValues = newSharedValues;
        this.goals = newGoals;
        this.targetGroup = newTargetGroup;
        this.organisationOfWork = newOrganisation;
        this.followUpPlan = newFollowUpPlan;
    }

    /**
     * Once a party has signed, the title and the clauses are the words it signed: the same text may be sent again
     * (a form saved with another field changed), a different one is refused — a change after signing is an amendment.
     */
    private void keepSigned(String field, String signed, String proposed) {
        if (isSigned() && !Objects.equals(signed == null ? "" : signed, proposed == null ? "" : proposed)) {
            throw new StateConflict(field, "error.agreement.signedText");
        }
    }

    /** Sets the period and notice period; once in force the start date stays as decided. */
    public void schedule(Period newPeriod, Integer noticeMonths) {
        requireOpen();
        if (newPeriod == null) {
            newPeriod = Period.open();
        }
        if (status == AgreementStatus.ACTIVE && newPeriod.start() == null) {
            throw new InvalidInput("startDate", "error.agreement.activeNeedsStart");
        }
        // The parties were checked against the start date when the agreement came into force.
        if (status == AgreementStatus.ACTIVE && !newPeriod.start().equals(period().start())) {
            throw new StateConflict("startDate", "error.agreement.startFixed");
        }
        if (noticeMonths != null && (noticeMonths < 0 || noticeMonths > 120)) {
            throw new InvalidInput("noticeMonths", "error.agreement.noticeMonths");
        }
        this.period = newPeriod;
        this.noticeMonths = noticeMonths;
    }

    public void assessEligibility(EligibilityChecklist checklist) {
        requireOpen();
        if (checklist == null) {
            throw new InvalidInput("eligibility", "error.required");
        }
        if (status != AgreementStatus.DRAFT && !checklist.complete()) {
            throw new StateConflict("eligibility", "error.agreement.eligibilityLocked");
        }
        this.eligibility = checklist;
    }

    // --- parties, decisions, amendments --------------------------------------------------------

    /** Adds a party while the agreement is drafted; later, parties join through an amendment. */
    public AgreementParty addParty(Organisation organisation, PartyRole role, LocalDate joinedOn) {
        if (status != AgreementStatus.DRAFT) {
            throw new StateConflict("organisationId", "error.party.onlyByAmendment");
        }
        return join(organisation, role, joinedOn);
    }

    private AgreementParty join(Organisation organisation, PartyRole role, LocalDate joinedOn) {
        if (organisation != null && parties.stream().anyMatch(p -> p.organisation().equals(organisation) && p.leftOn() == null)) {
            throw new StateConflict("organisationId", "error.party.duplicate", organisation.name());
        }
        AgreementParty party = new AgreementParty(this, organisation, role, joinedOn);
        parties.add(party);
        return party;
    }

    public void removeParty(AgreementParty party) {
        if (status != AgreementStatus.DRAFT) {
            throw new StateConflict("partyId", "error.party.removeOnlyInDraft");
        }
        // A registered decision must keep coming from a committee of a party.
        boolean stillParty = parties.stream()
                .anyMatch(p -> p != party && p.organisation().equals(party.organisation()));
        if (!stillParty && decisions.stream().anyMatch(d -> d.committee().organisation().equals(party.organisation()))) {
            throw new StateConflict("partyId", "error.party.hasDecisions", party.organisation().name());
        }
        parties.remove(party);
        amendments.removeIf(a -> a.addedParty() == party);
    }

    /**
     * A party leaves: {@code lastDay} is the last day it takes part. Once the agreement is decided that is
     * a change of it, recorded as an amendment naming the party (returned); in a draft, the party's end
     * date is simply part of the draft (null returned). What it reported while a party stays its own to
     * read; from the next day on it books no cost and writes no report here (see {@link #isPartyOn}).
     */
    public Amendment partyLeaves(AgreementParty party, LocalDate lastDay, String description, CommitteeDecision decision) {
        requireOpen();
        if (party == null) {
            throw new InvalidInput("partyId", "error.required");
        }
        if (lastDay == null) {
            throw new InvalidInput("leftOn", "error.required");
        }
        if (period().end() != null && lastDay.isAfter(period().end())) {
            throw new InvalidInput("leftOn", "error.amendment.afterEnd");
        }
        if (decision != null && !decisions.contains(decision)) {
            throw new InvalidInput("decisionId", "error.amendment.foreignDecision");
        }
        // Checked before the party leaves, so a refused amendment leaves the parties as they were.
        boolean draft = status == AgreementStatus.DRAFT;
        String text = draft ? Text.optionalLines("description", description, 4000)
                : Text.requiredLines("description", description, 4000);
        if (party.leftOn() != null) {
            throw new StateConflict("leftOn", "error.party.alreadyLeft", party.organisation().name(), party.leftOn());
        }
        party.leave(lastDay);
        if (draft) {
            return null;
        }
        Amendment amendment = Amendment.leaving(this, lastDay, text, decision, party);
        amendments.add(amendment);
        return amendment;
    }

    public CommitteeDecision registerDecision(Committee committee, LocalDate meetingDate, String paragraph,
                                              String diarienummer, String text, BigDecimal amount) {
        requireOpen();
        if (committee != null && !hasParty(committee.organisation())) {
            throw new InvalidInput("committeeId", "error.decision.committeeNotParty", committee.name());
        }
        CommitteeDecision decision = new CommitteeDecision(this, committee, meetingDate, paragraph, diarienummer, text, amount);
        decisions.add(decision);
        return decision;
    }

    /**
     * Records a change to a decided or running agreement; when {@code joining} is given, that
     * organisation becomes a party from the amendment's date (e.g. Verdandi joining later).
     */
    public Amendment amend(LocalDate effectiveOn, String description, CommitteeDecision decision,
                           Organisation joining, PartyRole joiningRole) {
        requireOpen();
        if (status == AgreementStatus.DRAFT) {
            throw new StateConflict("effectiveOn", "error.amendment.notInDraft");
        }
        if (decision != null && !decisions.contains(decision)) {
            throw new InvalidInput("decisionId", "error.amendment.foreignDecision");
        }
        if (effectiveOn == null) {
            throw new InvalidInput("effectiveOn", "error.required");
        }
        if (period().end() != null && effectiveOn.isAfter(period().end())) {
            throw new InvalidInput("effectiveOn", "error.amendment.afterEnd");
        }
        // Checked before anyone joins, so a refused amendment leaves the parties as they were.
        Text.requiredLines("description", description, 4000);
        AgreementParty added = joining == null ? null : join(joining, joiningRole, effectiveOn);
        Amendment amendment = new Amendment(this, effectiveOn, description, decision, added);
        amendments.add(amendment);
        return amendment;
    }

    // --- signing -------------------------------------------------------------------------------

    /** A party's signature on paper: who signed for it and on which day (the paper itself is kept elsewhere). */
    public Signature signOnPaper(AgreementParty party, String signedBy, LocalDate signedOn, String recordedBy,
                                 Instant at) {
        Signature s = signature(party, SignatureMethod.PAPER, signedBy, signedOn, recordedBy, at);
        signatures.add(s);
        return s;
    }

    /**
     * A party's signature as the signed agreement uploaded: a PDF, taken by the same rules as a report's attachments
     * (name, type, size and signature of the file, read for personal identity numbers), kept with its SHA-256.
     */
    public Signature signWithDocument(AgreementParty party, String signedBy, LocalDate signedOn, String filename,
                                      String contentType, byte[] bytes, String recordedBy, Instant at) {
        Signature s = signature(party, SignatureMethod.UPLOAD, signedBy, signedOn, recordedBy, at);
        String name = FileType.cleanName(filename);
        FileType type = FileType.check(name, contentType, bytes);
        if (type != FileType.PDF) {
            throw new InvalidInput("file", "error.signature.pdfOnly");
        }
        DocumentText.refuseIdentityNumbers(type, bytes);
        s.keep(name, type.contentType(), bytes);
        signatures.add(s);
        return s;
    }

    /** Every check before anything is kept, so a refused signature leaves the agreement as it was. */
    private Signature signature(AgreementParty party, SignatureMethod method, String signedBy, LocalDate signedOn,
                                String recordedBy, Instant at) {
        if (party == null) {
            throw new InvalidInput("partyId", "error.required");
        }
        if (!parties.contains(party)) {
            throw new InvalidInput("partyId", "error.signature.foreignParty", party.organisation().name());
        }
        if (status != AgreementStatus.DECIDED && status != AgreementStatus.ACTIVE) {
            throw new StateConflict("status", "error.signature.notDecided", status);
        }
        if (signatureOf(party).isPresent()) {
            throw new StateConflict("partyId", "error.signature.already", party.organisation().name());
        }
        String who = Text.required("signedBy", signedBy, Signature.SIGNED_BY_MAX);
        if (signedOn == null) {
            throw new InvalidInput("signedOn", "error.required");
        }
        if (signedOn.isAfter(LocalDate.ofInstant(at, Days.SWEDEN))) {
            throw new InvalidInput("signedOn", "error.signature.future");
        }
        return new Signature(this, party, method, who, signedOn, recordedBy, at);
    }

    /** Whether any party has signed (or the agreement was in force before the system and marked signed then). */
    public boolean isSigned() {
        return !signatures.isEmpty();
    }

    /** The party's signature, if it has signed. */
    public Optional<Signature> signatureOf(AgreementParty party) {
        return signatures.stream().filter(s -> s.party() == party
                || (party.id() != null && party.id().equals(s.party().id()))).findFirst();
    }

    /**
     * The parties whose signatures the agreement needs to come into force: every party but one that left before
     * its start (all of them while it has no start date).
     */
    public List<AgreementParty> signatories() {
        LocalDate start = period().start();
        return parties.stream().filter(p -> start == null || p.leftOn() == null || !p.leftOn().isBefore(start)).toList();
    }

    /** The names of the signatories that have not signed, in the parties' order. */
    public List<String> unsigned() {
        return signatories().stream().filter(p -> signatureOf(p).isEmpty()).map(p -> p.organisation().name())
                .distinct().toList();
    }

    // --- life cycle ----------------------------------------------------------------------------

    public void decide() {
        step(AgreementStatus.DECIDED);
        if (decisions.isEmpty()) {
            throw new StateConflict("status", "error.agreement.decideNeedsDecision");
        }
        if (!eligibility().complete()) {
            throw new StateConflict("eligibility", "error.agreement.decideNeedsEligibility");
        }
        status = AgreementStatus.DECIDED;
    }

    public void activate() {
        step(AgreementStatus.ACTIVE);
        if (period().start() == null) {
            throw new StateConflict("startDate", "error.agreement.activeNeedsStart");
        }
        LocalDate start = period().start();
        if (currentParties(start, PartyRole.PUBLIC_PARTNER).isEmpty()) {
            throw new StateConflict("parties", "error.agreement.activeNeedsPublicParty");
        }
        if (currentParties(start, PartyRole.NON_PROFIT_PARTNER).isEmpty()) {
            throw new StateConflict("parties", "error.agreement.activeNeedsNonProfitParty");
        }
        List<String> unsigned = unsigned();
        if (!unsigned.isEmpty()) {
            throw new InvalidInput("signatures", "error.agreement.activeNeedsSignatures", String.join(", ", unsigned));
        }
        status = AgreementStatus.ACTIVE;
    }

    public void end(LocalDate on) {
        step(AgreementStatus.ENDED);
        close(on, null);
        status = AgreementStatus.ENDED;
    }

    public void terminate(LocalDate on, String reason) {
        step(AgreementStatus.TERMINATED);
        close(on, Text.requiredLines("reason", reason, 2000));
        status = AgreementStatus.TERMINATED;
    }

    /** The one entry point for a status change by name, as the API and the UI ask for it. */
    public void moveTo(AgreementStatus target, LocalDate on, String reason) {
        if (target == null) {
            throw new InvalidInput("status", "error.required");
        }
        switch (target) {
            case DECIDED -> decide();
            case ACTIVE -> activate();
            case ENDED -> end(on);
            case TERMINATED -> terminate(on, reason);
            case DRAFT -> step(AgreementStatus.DRAFT);
        }
    }

    private void step(AgreementStatus target) {
        if (!status.canMoveTo(target)) {
            throw new StateConflict("status", "error.agreement.transition", status, target);
        }
    }

    private void close(LocalDate on, String reason) {
        if (on == null) {
            throw new InvalidInput("closedOn", "error.required");
        }
        if (period().start() != null && on.isBefore(period().start())) {
            throw new InvalidInput("closedOn", "error.agreement.closedBeforeStart");
        }
        this.closedOn = on;
        this.closingReason = reason;
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new StateConflict("status", "error.agreement.closed", status);
        }
    }

    // --- reading -------------------------------------------------------------------------------

    public List<AgreementParty> currentParties(LocalDate day, PartyRole role) {
        return parties.stream().filter(p -> p.role() == role && p.partOn(day)).toList();
    }

    /** Whether the organisation was ever a party: what lets it read the agreement and what it reported on it. */
    public boolean hasParty(Organisation organisation) {
        return parties.stream().anyMatch(p -> p.organisation().equals(organisation));
    }

    /**
     * The one rule for "is this organisation a party on this day": between the day it joined and the
     * last day before it left (both included; an organisation may leave and join again). Cost bookings,
     * the cost import and reports all ask this; reading what it reported never does.
     */
    public boolean isPartyOn(Organisation organisation, LocalDate day) {
        return day != null && parties.stream().anyMatch(p -> same(p.organisation(), organisation) && p.partOn(day));
    }

    /** Whether the organisation, in the given role (any when null), is a party on at least one day from {@code from} to {@code to}. */
    public boolean isPartyDuring(Organisation organisation, PartyRole role, LocalDate from, LocalDate to) {
        return parties.stream().anyMatch(p -> same(p.organisation(), organisation) && (role == null || p.role() == role)
                && p.partDuring(from, to));
    }

    private static boolean same(Organisation a, Organisation b) {
        return a == b || (a != null && b != null && a.id() != null && a.id().equals(b.id()));
    }

    public AgreementParty party(long partyId) {
        return parties.stream().filter(p -> p.id() != null && p.id() == partyId).findFirst()
                .orElseThrow(() -> new InvalidInput("partyId", "error.party.unknown", partyId));
    }

    public CommitteeDecision decision(long decisionId) {
        return decisions.stream().filter(d -> d.id() != null && d.id() == decisionId).findFirst()
                .orElseThrow(() -> new InvalidInput("decisionId", "error.decision.unknown", decisionId));
    }

    /** Sum of the amounts the committees decided, in SEK. */
    public BigDecimal decidedAmount() {
        return decisions.stream().map(CommitteeDecision::amount).filter(a -> a != null)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("reference", reference);
        s.put("title", title);
        s.put("status", status);
        s.put("startDate", period().start());
        s.put("endDate", period().end());
        s.put("noticeMonths", noticeMonths);
        s.put("background", background);
        s.put("sharedValues", sharedValues);
        s.put("goals", goals);
        s.put("targetGroup", targetGroup);
        s.put("organisationOfWork", organisationOfWork);
        s.put("followUpPlan", followUpPlan);
        s.put("eligibilityComplete", eligibility().complete());
        s.put("closedOn", closedOn);
        s.put("closingReason", closingReason);
        return s;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public AgreementText text() {
        return new AgreementText(background, sharedValues, goals, targetGroup, organisationOfWork, followUpPlan);
    }

    /** Never null: Hibernate loads an embedded period whose dates are both empty as null, so use this, not the field. */
    public Period period() {
        return period == null ? Period.open() : period;
    }

    public Integer noticeMonths() {
        return noticeMonths;
    }

    public AgreementStatus status() {
        return status;
    }

    /** Whether it is or was in force: the one rule, {@link AgreementStatus#IN_FORCE_OR_WAS}. */
    public boolean hasBeenInForce() {
        return status.hasBeenInForce();
    }

    public EligibilityChecklist eligibility() {
        return eligibility == null ? EligibilityChecklist.unanswered() : eligibility;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String closingReason() {
        return closingReason;
    }

    public List<AgreementParty> parties() {
        return Collections.unmodifiableList(parties);
    }

    public List<CommitteeDecision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    public List<Amendment> amendments() {
        return Collections.unmodifiableList(amendments);
    }

    public List<Signature> signatures() {
        return Collections.unmodifiableList(signatures);
    }
}
