package se.iop.budget.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.PartyRole;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.control.SieFile;
import se.iop.budget.control.SieFile.AccountType;
import se.iop.budget.control.Table;
import se.iop.budget.control.Table.Column;
import se.iop.budget.control.Table.Kind;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.entity.DisbursementStatus;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.LineCategory;
import se.iop.common.InvalidInput;
import se.iop.partner.entity.Organisation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An agreement's budget as files for the accounting system and for spreadsheets: every payment and
 * cost (reversals included) and the budget overview as CSV or XLSX, and the year's booked costs as an
 * SIE 4 file. Whoever may read the budget may export it; to a partner other agreements do not exist.
 * <p>
 * SIE accounts: a cost is debited to its budget line's account (set per line; by default per category,
 * see {@link LineCategory}) and credited to {@value #COUNTER_ACCOUNT} {@value #COUNTER_NAME}; every
 * transaction carries the agreement's reference as a project (dimension 6).
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class BudgetExports {

    static final String COUNTER_ACCOUNT = "2440";
    static final String COUNTER_NAME = "Leverantörsskulder";
    static final String SERIES = "I";
    static final String PROGRAM = "IOP Bostad först";
    static final String PROGRAM_VERSION = "1.0";
    static final String CHART_OF_ACCOUNTS = "EUBAS97";

    public enum Format {
        CSV("csv", "text/csv; charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    /** A file to hand out: its name, media type and bytes. */
    public record ExportFile(String fileName, String contentType, byte[] content) {
    }

    private static final Map<LineCategory, String> CATEGORIES = new EnumMap<>(Map.of(
            LineCategory.STAFF, "Personal",
            LineCategory.HOUSING, "Boende och hyresgarantier",
            LineCategory.SUPPORT_ACTIVITIES, "Stödinsatser och aktiviteter",
            LineCategory.ADMINISTRATION, "Administration",
            LineCategory.OTHER, "Övrigt"));

    private static final Map<DisbursementStatus, String> STATUSES = new EnumMap<>(Map.of(
            DisbursementStatus.PLANNED, "Planerad",
            DisbursementStatus.APPROVED, "Godkänd",
            DisbursementStatus.PAID, "Utbetald",
            DisbursementStatus.CANCELLED, "Makulerad"));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    @Inject
    private BudgetSummaries summaries;

    @Inject
    private Caller caller;

    /** Payments and costs, oldest first, one row each; a reversal is a row of its own with a negative amount. */
    public ExportFile transactions(long agreementId, Format format) {
        Agreement agreement = agreements.find(agreementId);
        Table table = new Table("Transaktioner", List.of(new Column("typ", Kind.TEXT), new Column("datum", Kind.DATE),
                new Column("fas", Kind.TEXT), new Column("budgetrad", Kind.TEXT), new Column("kategori", Kind.TEXT),
                new Column("konto", Kind.TEXT), new Column("partner", Kind.TEXT), new Column("belopp", Kind.MONEY),
                new Column("status", Kind.TEXT), new Column("verifikation", Kind.TEXT),
                new Column("beskrivning", Kind.TEXT), new Column("rättelse av", Kind.TEXT)));
        List<Object[]> rows = new ArrayList<>();
        for (Disbursement d : disbursements(agreementId)) {
            LocalDate on = d.paidOn() != null ? d.paidOn() : d.plannedOn();
            rows.add(new Object[] {"Utbetalning", on, d.phase().name(), null, null, null, d.partner().name(),
                    d.amount(), STATUSES.get(d.status()), d.reference(), d.cancelReason(), null});
        }
        for (Expense e : expenses(agreementId, null, null)) {
            BudgetLine line = e.line();
            rows.add(new Object[] {e.reversalOf() == null ? "Kostnad" : "Rättelse", e.spentOn(), e.phase().name(),
                    line.name(), CATEGORIES.get(line.category()), line.account(),
                    e.partner() == null ? null : e.partner().name(), e.amount(), e.reversed() ? "Rättad" : "Bokförd",
                    e.voucher(), e.description(), e.reversalOf() == null ? null : e.reversalOf().voucher()});
        }
        rows.sort(Comparator.comparing((Object[] r) -> (LocalDate) r[1]));
        rows.forEach(table::add);
        return file(agreement, "transaktioner", format, table);
    }

    /** The summary's figures: the agreement, each phase, committee, budget line, partner and co-financing party. */
    public ExportFile overview(long agreementId, Format format) {
        Agreement agreement = agreements.find(agreementId);
        BudgetSummary s = summaries.of(agreementId);
        Table table = new Table("Budgetöversikt", List.of(new Column("nivå", Kind.TEXT), new Column("namn", Kind.TEXT),
                new Column("detalj", Kind.TEXT), new Column("tilldelat", Kind.MONEY), new Column("planerat", Kind.MONEY),
                new Column("utbetalt", Kind.MONEY), new Column("godkänt och utbetalt", Kind.MONEY),
                new Column("förbrukat", Kind.MONEY), new Column("återstår", Kind.MONEY),
                new Column("förbrukat %", Kind.PERCENT), new Column("överskridet", Kind.FLAG)));
        Map<Long, String> phaseNames = new TreeMap<>();
        s.phases().forEach(p -> phaseNames.put(p.id(), p.label()));
        add(table, "Avtal", agreement.title(), agreement.reference(), s.total());
        s.phases().forEach(p -> add(table, "Fas", p.label(), p.start() + " – " + p.end(), p));
        s.committees().forEach(c -> add(table, "Nämnd", c.label(), c.detail(), c));
        s.lines().forEach(l -> add(table, "Budgetrad", l.label(),
                category(l.detail()) + ", " + phaseNames.getOrDefault(l.parentId(), ""), l));
        s.partners().forEach(p -> add(table, "Partner", p.label(), null, p));
        s.cofinancing().forEach(c -> add(table, "Medfinansiering", c.label(), c.detail(), c));
        return file(agreement, "budgetoversikt", format, table);
    }

    private static void add(Table table, String level, String name, String detail, Figures f) {
        if (f == null) {
            return;
        }
        table.add(level, name, detail, f.allocated(), f.planned(), f.paid(), f.committed(), f.spent(), f.remaining(),
                f.percentUsed(), f.overSpent() || f.overPlanned());
    }

    private static String category(String name) {
        try {
            return CATEGORIES.get(LineCategory.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return name;
        }
    }

    /** The years in which costs are booked, oldest first; the present year when none are. */
    public List<Integer> sieYears(long agreementId) {
        agreements.requireVisible(agreementId);
        List<Integer> years = em.createQuery("select distinct year(e.spentOn) from Expense e where e.agreementId = :a"
                + " order by year(e.spentOn)", Integer.class).setParameter("a", agreementId).getResultList();
        return years.isEmpty() ? List.of(Year.now(BudgetSummaries.STOCKHOLM).getValue()) : years;
    }

    /**
     * The costs booked in one calendar year (the municipality's financial year) as SIE 4: one
     * verification per cost or reversal. Without a year, the year of the latest booking.
     */
    public ExportFile sie(long agreementId, Integer year) {
        Agreement agreement = agreements.find(agreementId);
        if (year != null && (year < 2000 || year > 2100)) {
            throw new InvalidInput("year", "error.export.year");
        }
        int fiscal = year != null ? year : latestYear(agreementId);
        LocalDate start = LocalDate.of(fiscal, 1, 1);
        LocalDate end = LocalDate.of(fiscal, 12, 31);
        Organisation municipality = agreement.parties().stream().filter(p -> p.role() == PartyRole.PUBLIC_PARTNER)
                .map(AgreementParty::organisation).findFirst().orElse(null);
        SieFile sie = new SieFile(PROGRAM, PROGRAM_VERSION, LocalDate.now(BudgetSummaries.STOCKHOLM), caller.username(),
                municipality == null ? agreement.title() : municipality.name(),
                municipality == null ? null : municipality.organisationNumber().value(), start, end, CHART_OF_ACCOUNTS,
                SERIES)
                .prose("Bostad först: " + agreement.title() + " (" + agreement.reference() + ")")
                .tag(new SieFile.Tag(6, "Projekt", agreement.reference(), agreement.title()));
        List<Expense> booked = expenses(agreementId, start, end);
        Map<String, Set<String>> accountNames = new TreeMap<>();
        for (Expense e : booked) {
            accountNames.computeIfAbsent(e.line().account(), a -> new LinkedHashSet<>()).add(CATEGORIES.get(e.line().category()));
        }
        accountNames.forEach((number, names) -> sie.account(new SieFile.Account(number, String.join(" / ", names), AccountType.K)));
        sie.account(new SieFile.Account(COUNTER_ACCOUNT, COUNTER_NAME, AccountType.S));
        for (Expense e : booked) {
            String text = e.reversalOf() == null ? e.voucher() + " " + e.description()
                    : e.voucher() + " Rättelse av " + e.reversalOf().voucher() + ": " + e.description();
            String partner = e.partner() == null ? null : e.partner().name();
            sie.add(new SieFile.Verification(e.spentOn(), text, List.of(
                    new SieFile.Trans(e.line().account(), e.amount(), e.line().name()),
                    new SieFile.Trans(COUNTER_ACCOUNT, e.amount().negate(), partner))));
        }
        return new ExportFile(baseName(agreement) + "-" + fiscal + ".se", "text/plain; charset=IBM437", sie.bytes());
    }

    private int latestYear(long agreementId) {
        LocalDate latest = em.createQuery("select max(e.spentOn) from Expense e where e.agreementId = :a", LocalDate.class)
                .setParameter("a", agreementId).getSingleResult();
        return latest == null ? Year.now(BudgetSummaries.STOCKHOLM).getValue() : latest.getYear();
    }

    private List<Disbursement> disbursements(long agreementId) {
        return em.createQuery("select d from Disbursement d join fetch d.partner join fetch d.phase p"
                + " where p.agreement.id = :a order by d.plannedOn, d.id", Disbursement.class)
                .setParameter("a", agreementId).getResultList();
    }

    private List<Expense> expenses(long agreementId, LocalDate from, LocalDate to) {
        String period = from == null ? "" : " and e.spentOn between :from and :to";
        var query = em.createQuery("select e from Expense e join fetch e.line join fetch e.phase left join fetch e.partner"
                + " left join fetch e.reversalOf where e.agreementId = :a" + period + " order by e.spentOn, e.id", Expense.class)
                .setParameter("a", agreementId);
        if (from != null) {
            query.setParameter("from", from).setParameter("to", to);
        }
        return query.getResultList();
    }

    private static ExportFile file(Agreement agreement, String what, Format format, Table table) {
        return new ExportFile(baseName(agreement) + "-" + what + "." + format.extension, format.contentType,
                format == Format.CSV ? table.csv() : table.xlsx());
    }

    /** The agreement's reference as a file name: letters, digits and dashes only ("SN 2023/123" → "SN-2023-123"). */
    static String baseName(Agreement agreement) {
        String ascii = Normalizer.normalize(agreement.reference(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String name = ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return name.isEmpty() ? "avtal-" + agreement.id() : name;
    }
}
