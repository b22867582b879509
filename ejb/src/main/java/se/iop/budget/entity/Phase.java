package se.iop.budget.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.PartyRole;
import se.iop.budget.entity.Correction.Change;
import se.iop.common.InvalidInput;
import se.iop.common.Money;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.partner.entity.Committee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A phase of an agreement's funding, e.g. "Fas 1": a period, the committees' allocations, the
 * budget lines that plan the money, what each party brings as co-financing, and the corrections made
 * to allocations and plans. The database holds its limits: approved and paid payments never exceed the
 * allocations, and costs and payments lie within the phase, the phase within the agreement (V9).
 */
@Entity
@Table(name = "phase")
@Audited
@NamedQuery(name = Phase.BY_AGREEMENT, query = "select p from Phase p where p.agreement.id = :agreement order by p.startDate, p.id")
public class Phase {

    public static final String BY_AGREEMENT = "Phase.byAgreement";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @OneToMany(mappedBy = "phase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Allocation> allocations = new ArrayList<>();

    @OneToMany(mappedBy = "phase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<BudgetLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "phase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Contribution> contributions = new ArrayList<>();

    @OneToMany(mappedBy = "phase", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Correction> corrections = new ArrayList<>();

    protected Phase() {
    }

    public Phase(Agreement agreement, String name, LocalDate start, LocalDate end) {
        if (agreement == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        if (agreement.status().isClosed()) {
            throw new StateConflict("agreementId", "error.agreement.closed", agreement.status());
        }
        this.agreement = agreement;
        rename(name);
        reschedule(start, end);
    }

    public void rename(String newName) {
        this.name = Text.required("name", newName, 100);
    }

    /** A phase lies within the agreement's period where the agreement has one. */
    public void reschedule(LocalDate start, LocalDate end) {
        if (start == null) {
            throw new InvalidInput("startDate", "error.required");
        }
        if (end == null) {
            throw new InvalidInput("endDate", "error.required");
        }
        if (end.isBefore(start)) {
            throw new InvalidInput("endDate", "error.period.endBeforeStart");
        }
        LocalDate agreementStart = agreement.period().start();
        LocalDate agreementEnd = agreement.period().end();
        if (agreementStart != null && start.isBefore(agreementStart)) {
            throw new InvalidInput("startDate", "error.phase.beforeAgreement", agreementStart);
        }
        if (agreementEnd != null && end.isAfter(agreementEnd)) {
            throw new InvalidInput("endDate", "error.phase.afterAgreement", agreementEnd);
        }
        this.startDate = start;
        this.endDate = end;
    }

    /**
     * A committee allocates money to this phase. The committee must belong to a public party of the
     * agreement; the decision, when given, must be that committee's decision on this agreement.
     */
    public Allocation allocate(Committee committee, CommitteeDecision decision, BigDecimal amount) {
        if (committee == null) {
            throw new InvalidInput("committeeId", "error.required");
        }
        boolean publicParty = agreement.parties().stream()
                .anyMatch(p -> p.role() == PartyRole.PUBLIC_PARTNER && p.organisation().equals(committee.organisation()));
        if (!publicParty) {
            throw new InvalidInput("committeeId", "error.allocation.committeeNotParty", committee.name());
        }
        if (decision != null && (!agreement.decisions().contains(decision) || !decision.committee().equals(committee))) {
            throw new InvalidInput("decisionId", "error.allocation.foreignDecision");
        }
        Allocation allocation = new Allocation(this, committee, decision, Money.positive("amount", amount));
        allocations.add(allocation);
        return allocation;
    }

    /** Reduces or withdraws one of the phase's allocations, with a reason; the correction is kept. */
    public Correction reduceAllocation(long allocationId, BigDecimal to, String reason, Change by) {
        Correction c = allocation(allocationId).reduce(to, reason, by);
        corrections.add(c);
        return c;
    }

    /** Plans another amount on one of the phase's lines; a change is kept as a correction (null: none). */
    public Correction replan(long lineId, BigDecimal planned, String reason, Change by) {
        Correction c = lines.stream().filter(l -> l.id() != null && l.id() == lineId).findFirst()
                .orElseThrow(() -> new NotFound("line")).replan(planned, reason, by);
        if (c != null) {
            corrections.add(c);
        }
        return c;
    }

    public Allocation allocation(long allocationId) {
        return allocations.stream().filter(a -> a.id() != null && a.id() == allocationId).findFirst()
                .orElseThrow(() -> new NotFound("allocation"));
    }

    public BudgetLine addLine(LineCategory category, String lineName, BigDecimal planned, String account) {
        String wanted = Text.required("name", lineName, 200);
        if (lines.stream().anyMatch(l -> l.name().equalsIgnoreCase(wanted))) {
            throw new StateConflict("name", "error.line.duplicate", wanted);
        }
        BudgetLine line = new BudgetLine(this, category, wanted, planned, account);
        lines.add(line);
        return line;
    }

    /** A party's co-financing: money, or something in kind valued in SEK. */
    public Contribution contribute(AgreementParty party, ContributionKind kind, String description, BigDecimal value,
                                   BigDecimal hours) {
        if (party == null || !agreement.parties().contains(party)) {
            throw new InvalidInput("partyId", "error.party.unknown", party == null ? null : party.id());
        }
        Contribution c = new Contribution(this, party, kind, description, value, hours);
        contributions.add(c);
        return c;
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public BigDecimal allocated() {
        return allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal planned() {
        return lines.stream().map(BudgetLine::planned).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Lines planning more than the committees allocated: shown as a warning, not refused. */
    public boolean overPlanned() {
        return planned().compareTo(allocated()) > 0;
    }

    public BudgetLine line(long lineId) {
        return lines.stream().filter(l -> l.id() != null && l.id() == lineId).findFirst()
                .orElseThrow(() -> new InvalidInput("lineId", "error.line.unknown", lineId));
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Agreement agreement() {
        return agreement;
    }

    public String name() {
        return name;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public List<Allocation> allocations() {
        return Collections.unmodifiableList(allocations);
    }

    public List<BudgetLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<Contribution> contributions() {
        return Collections.unmodifiableList(contributions);
    }

    public List<Correction> corrections() {
        return Collections.unmodifiableList(corrections);
    }
}
