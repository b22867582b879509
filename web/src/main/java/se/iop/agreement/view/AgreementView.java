package se.iop.agreement.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.boundary.PartySignature;
import se.iop.agreement.boundary.Signatures;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.SignatureMethod;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.web.Formats;
import se.iop.web.HistoryValues;
import se.iop.web.Ids;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One agreement on one screen: head, prose, eligibility, parties, decisions, amendments, a timeline
 * and, for administrators and auditors, its history. What may be changed is in {@link AgreementActions}.
 */
@Named
@ViewScoped
public class AgreementView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> MONEY_FIELDS = Set.of("amount", "contributionAmount");
    private static final Map<String, String> ENUM_KEYS = Map.of("status", "agreement.status.", "role", "agreement.role.");

    @Inject
    private Agreements agreements;

    @Inject
    private History history;

    @Inject
    private Signatures signatures;

    @Inject
    private Ui ui;

    @Inject
    private Formats formats;

    @Inject
    private HistoryValues historyValues;

    @Inject
    private Viewer viewer;

    /** The id request parameter as given; read once, when the page is opened. */
    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found;

    // Entities and audit records are read again after a session is restored rather than stored in it.
    private transient Agreement agreement;
    private transient List<Change> changes;
    private transient List<PartySignature> partySignatures;

    /** Reads the agreement named by the id parameter; anything that is not a number names none. */
    @PostConstruct
    void load() {
        id = Ids.parse(idParam);
        found = Ids.read(id, this::read);
    }

    /** Reads the agreement again after a change, so the page shows what is stored. */
    public void reload() {
        read();
    }

    private void read() {
        agreement = agreements.find(id);
        changes = null;
        partySignatures = null;
    }

    /** Each party with its signature, if it has signed (a record from the service, read once per request state). */
    public List<PartySignature> getSignatures() {
        if (partySignatures == null && found) {
            partySignatures = signatures.of(id);
        }
        return partySignatures == null ? List.of() : partySignatures;
    }

    /** Whether any party has signed: the title and the clauses are then as signed (the edit form shows them read-only). */
    public boolean isSigned() {
        return getSignatures().stream().anyMatch(PartySignature::signed);
    }

    /** The parties whose signatures the agreement still needs to come into force, by name. */
    public String getUnsigned() {
        return String.join(", ", getSignatures().stream().filter(s -> s.required() && !s.signed())
                .map(PartySignature::organisation).distinct().toList());
    }

    /** Signatures are recorded while the agreement is decided or in force. */
    public boolean isSignable() {
        return found && (getAgreement().status() == AgreementStatus.DECIDED
                || getAgreement().status() == AgreementStatus.ACTIVE);
    }

    public Agreement getAgreement() {
        if (agreement == null && found) {
            read();
        }
        return agreement;
    }

    /** Newest first; only administrators and auditors may see the history. */
    public List<Change> getChanges() {
        if (changes == null && found && viewer.isHistoryVisible()) {
            changes = history.ofAgreement(id);
        }
        return changes == null ? List.of() : changes;
    }

    /**
     * Start, decisions, amendments, parties leaving and the end, oldest first. Built on each call,
     * not kept, so that it follows the user's language when they switch.
     */
    public List<TimelineEntry> getTimeline() {
        return found ? timelineOf(getAgreement()) : List.of();
    }

    private List<TimelineEntry> timelineOf(Agreement a) {
        List<TimelineEntry> entries = new ArrayList<>();
        if (a.period().start() != null) {
            entries.add(new TimelineEntry(a.period().start(), "start", ui.text("agreement.timeline.start"), null));
        }
        for (CommitteeDecision d : a.decisions()) {
            String heading = ui.text("agreement.timeline.decision", d.committee().name(),
                    d.paragraph() == null ? "" : d.paragraph());
            String detail = d.amount() == null ? d.text() : formats.money(d.amount()) + (d.text() == null ? "" : " – " + d.text());
            entries.add(new TimelineEntry(d.meetingDate(), "decision", heading.strip(), detail));
        }
        for (Amendment m : a.amendments()) {
            if (m.leavingParty() != null) {
                entries.add(new TimelineEntry(m.effectiveOn(), "leaves",
                        ui.text("agreement.timeline.leaves", m.leavingParty().organisation().name()), m.description()));
                continue;
            }
            String heading = m.addedParty() == null ? ui.text("agreement.timeline.amendment")
                    : ui.text("agreement.timeline.joins", m.addedParty().organisation().name());
            entries.add(new TimelineEntry(m.effectiveOn(), "amendment", heading, m.description()));
        }
        for (PartySignature s : getSignatures()) {
            // Signed before the system: no day is known, so it has no place on the timeline.
            if (s.signed() && s.signedOn() != null) {
                String how = s.method() == SignatureMethod.UPLOAD
                        ? ui.text("signing.timeline.upload", s.signedBy(), s.filename())
                        : ui.text("signing.timeline.paper", s.signedBy());
                entries.add(new TimelineEntry(s.signedOn(), "signed", ui.text("signing.timeline.signed", s.organisation()), how));
            }
        }
        for (AgreementParty p : a.parties()) {
            // A leave recorded before leaving took an amendment (none tells of it yet).
            if (p.leftOn() != null && a.amendments().stream().noneMatch(m -> m.leavingParty() == p)) {
                entries.add(new TimelineEntry(p.leftOn(), "leaves", ui.text("agreement.timeline.leaves", p.organisation().name()), null));
            }
        }
        if (a.closedOn() != null) {
            entries.add(new TimelineEntry(a.closedOn(), "closed", ui.text("agreement.timeline.closed." + a.status()),
                    a.closingReason()));
        } else if (a.period().end() != null) {
            entries.add(new TimelineEntry(a.period().end(), "end", ui.text("agreement.timeline.end"), null));
        }
        // A stable sort keeps decisions before the amendments they carry on the same day.
        entries.sort(Comparator.comparing(TimelineEntry::date));
        return entries;
    }

    /** Whether the agreement may take this status step from where it is (the buttons shown). */
    public boolean allows(String target) {
        return found && getAgreement().status().canMoveTo(AgreementStatus.valueOf(target));
    }

    public boolean isOpen() {
        return found && !getAgreement().status().isClosed();
    }

    public boolean isDraft() {
        return found && getAgreement().status() == AgreementStatus.DRAFT;
    }

    /** Amendments belong to agreements that are decided and not yet closed. */
    public boolean isAmendable() {
        return isOpen() && !isDraft();
    }

    /** A text of the page with one value filled in, in the user's language. */
    public String format(String key, Object value) {
        return ui.text(key, value);
    }

    /** A field's name in a history row, in the user's language. */
    public String fieldLabel(String field) {
        return ui.fieldLabel(field);
    }

    /** A value in a history row: statuses, roles, amounts and yes/no as the user's language says them. */
    public String historyValue(String field, String value) {
        if (MONEY_FIELDS.contains(field) && !HistoryValues.isBlank(value)) {
            return formats.money(new BigDecimal(value));
        }
        return historyValues.show(field, value, ENUM_KEYS);
    }

    public Long getId() {
        return id;
    }

    public boolean isFound() {
        return found;
    }
}
