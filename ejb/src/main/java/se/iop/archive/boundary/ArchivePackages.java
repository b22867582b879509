package se.iop.archive.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.PartyRole;
import se.iop.archive.control.ArchiveNames;
import se.iop.archive.control.ArchivePackageWriter;
import se.iop.archive.control.ArchivePdf;
import se.iop.archive.control.PdfA;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.budget.boundary.BudgetExports;
import se.iop.budget.boundary.BudgetSummaries;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.budget.control.Table;
import se.iop.common.Days;
import se.iop.common.PdfFonts;
import se.iop.common.Settings;
import se.iop.common.StateConflict;
import se.iop.diary.boundary.DiaryEntry;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.control.Registration;
import se.iop.report.boundary.CommitteeReport;
import se.iop.report.boundary.CommitteeReports;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.ReportDetails;
import se.iop.report.control.CommitteeReportCsv;
import se.iop.report.control.CommitteeReportPdf;
import se.iop.report.entity.Measure;
import se.iop.report.entity.ReportAttachment;
import se.iop.report.entity.ReportStatus;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static se.iop.report.control.SwedishFormat.date;
import static se.iop.report.control.SwedishFormat.kronor;
import static se.iop.report.control.SwedishFormat.percent;

/**
 * The archive package of an ended agreement (ENDED or TERMINATED), for the municipality's e-archive: the
 * E-ARK CSIP structure that the Swedish National Archives' FGS Package takes over, zipped (see
 * {@link ArchivePackageWriter}). It holds the agreement, each committee decision, each amendment, each approved
 * activity report, the committee report and the budget statement as PDF/A-2b; the data as CSV (the budget's
 * transactions and overview, the committee report) and SIE 4 (the booked costs, a file per year); the approved
 * reports' attachments as handed in; and the history of the agreement (Envers) as CSV. Made in memory in one
 * transaction: a refusal leaves nothing behind. Only administrators produce it.
 */
@Stateless
@RolesAllowed("ADMIN")
public class ArchivePackages {

    private static final Logger LOG = Logger.getLogger(ArchivePackages.class.getName());
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final String DESCRIPTIVE_NS = "urn:x-iop:arkivpaket:avtal:1";

    private static final Map<String, String> STATUS = Map.of("DRAFT", "Utkast", "DECIDED", "Beslutat",
            "ACTIVE", "I kraft", "ENDED", "Avslutat", "TERMINATED", "Uppsagt", "SUBMITTED", "Inlämnad",
            "APPROVED", "Godkänd", "RETURNED", "Återlämnad");
    private static final Map<PartyRole, String> ROLES = Map.of(PartyRole.PUBLIC_PARTNER, "offentlig part",
            PartyRole.NON_PROFIT_PARTNER, "idéburen part", PartyRole.ASSOCIATED, "övrig medverkande");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Registrations registrations;

    @Inject
    private Agreements agreements;

    @Inject
    private CommitteeReports committeeReports;

    @Inject
    private ActivityReports reports;

    @Inject
    private BudgetExports exports;

    @Inject
    private BudgetSummaries budgets;

    @Inject
    private History history;

    @Inject
    private Caller caller;

    /** The package of an ended agreement; one still in force, or not yet in force, is refused (409 naming {@code status}). */
    public ArchivePackage produce(long agreementId) {
        Agreement a = agreements.find(agreementId);
        if (!a.status().isClosed()) {
            throw new StateConflict("status", "error.archive.notEnded", a.status());
        }
        Instant now = Instant.now();
        String objId = "iop-" + UUID.randomUUID();
        String municipality = a.parties().stream().filter(p -> p.role() == PartyRole.PUBLIC_PARTNER)
                .map(p -> p.organisation().name()).distinct().collect(Collectors.joining(", "));
        ArchivePackageWriter pkg = new ArchivePackageWriter(new ArchivePackageWriter.Header(objId,
                a.reference() + " – " + a.title(), municipality, caller.username(), now));
        pkg.descriptive("avtal.xml", descriptive(a, municipality));

        pkg.add("dokument/avtal.pdf", "application/pdf", agreementPdf(a, municipality).pdf(now));
        int n = 0;
        for (CommitteeDecision d : a.decisions()) {
            pkg.add("dokument/beslut-%02d.pdf".formatted(++n), "application/pdf", decisionPdf(a, d, municipality).pdf(now));
        }
        n = 0;
        for (Amendment m : a.amendments()) {
            pkg.add("dokument/andring-%02d.pdf".formatted(++n), "application/pdf", amendmentPdf(a, m, municipality).pdf(now));
        }
        n = 0;
        for (Long reportId : approvedReports(agreementId)) {
            ReportDetails r = reports.find(reportId);
            String name = "rapport-%02d-%s".formatted(++n, ArchiveNames.safe(r.period().code()));
            pkg.add("dokument/" + name + ".pdf", "application/pdf", reportPdf(a, r, municipality).pdf(now));
            for (ReportAttachment at : r.attachments()) {
                if (at.disposed()) {
                    continue; // its content is gone (gallrad); the diary and the disposal record say it was there
                }
                ReportAttachment full = reports.attachment(reportId, at.id());
                pkg.add("bilagor/" + name + "/" + at.id() + "-" + ArchiveNames.safe(full.filename()),
                        full.contentType(), full.bytes());
            }
        }
        LocalDate to = a.closedOn() != null ? a.closedOn() : a.period().end();
        CommitteeReport committee = committeeReports.of(agreementId, a.period().start(), to);
        pkg.add("dokument/uppfoljningsrapport.pdf", "application/pdf", PdfA.convert(
                CommitteeReportPdf.render(committee, PdfFonts.embedded()), "Uppföljningsrapport: " + a.title(),
                municipality, "sv-SE", now));
        pkg.add("dokument/budgetredovisning.pdf", "application/pdf", budgetPdf(a, municipality).pdf(now));

        pkg.add("data/uppfoljningsrapport.csv", "text/csv", CommitteeReportCsv.render(committee));
        pkg.add("data/transaktioner.csv", "text/csv", exports.transactions(agreementId, BudgetExports.Format.CSV).content());
        pkg.add("data/budgetoversikt.csv", "text/csv", exports.overview(agreementId, BudgetExports.Format.CSV).content());
        if (hasCosts(agreementId)) {
            for (Integer year : exports.sieYears(agreementId)) {
                pkg.add("data/kostnader-" + year + ".se", "text/plain", exports.sie(agreementId, year).content());
            }
        }
        pkg.add("historik/historik.csv", "text/csv", historyCsv(agreementId));

        byte[] zip = pkg.zip();
        ArchivePackage produced = new ArchivePackage(objId, "arkivpaket-" + ArchiveNames.safe(a.reference()) + ".zip", zip,
                ArchivePackageWriter.sha256(zip), now);
        registerOutgoing(a, produced);
        return produced;
    }

    /**
     * The package is registered in the diary as an outgoing document to the municipality's archive, in this same
     * transaction: a package whose registration is refused is not handed out, and a registration is never left
     * without its package. One entry per agreement: a package made again keeps the first one's number.
     */
    private void registerOutgoing(Agreement a, ArchivePackage p) {
        DiaryEntry entry = registrations.register(Registration.archivePackage(a.id(), a.reference(), a.title(),
                Settings.municipality() + ", arkivet", Days.today()));
        LOG.info(() -> "Archive package " + p.objId() + " of agreement " + a.id() + " (" + a.reference() + ") produced by "
                + caller.username() + ", SHA-256 " + p.sha256() + ", registered as " + entry.number());
    }

    private List<Long> approvedReports(long agreementId) {
        return em.createQuery("select r.id from ActivityReport r where r.agreement.id = :a and r.status = :approved"
                        + " order by r.period.start, r.partner.name, r.id", Long.class)
                .setParameter("a", agreementId).setParameter("approved", ReportStatus.APPROVED).getResultList();
    }

    private boolean hasCosts(long agreementId) {
        return em.createQuery("select count(e) from Expense e where e.agreementId = :a", Long.class)
                .setParameter("a", agreementId).getSingleResult() > 0;
    }

    // --- the documents -------------------------------------------------------------------------

    private static String party(AgreementParty p) {
        return p.organisation().name() + " (" + ROLES.get(p.role()) + ")"
                + (p.joinedOn() == null ? "" : ", från " + p.joinedOn()) + (p.leftOn() == null ? "" : ", till " + p.leftOn());
    }

    /** The agreement document: what the archive package keeps, and what the parties sign ({@code Signatures.signingPdf}). */
    public static ArchivePdf agreementPdf(Agreement a, String municipality) {
        var text = a.text();
        return new ArchivePdf(municipality, "Avtal om idéburet offentligt partnerskap", a.title())
                .rows("Diarienummer", a.reference(), "Status", STATUS.get(a.status().name()),
                        "Avtalsperiod", date(a.period().start()) + " – " + date(a.period().end()),
                        "Uppsägningstid", a.noticeMonths() == null ? null : a.noticeMonths() + " månader",
                        "Avslutat", date(a.closedOn()), "Skäl", a.closingReason(),
                        "Beslutade medel", kronor(a.decidedAmount()))
                .heading("Parter")
                .table(List.of("Part", "Roll", "Från", "Till", "Åtagande", "Bidrag"), a.parties().stream()
                        .map(p -> List.of(p.organisation().name(), ROLES.get(p.role()), date(p.joinedOn()), date(p.leftOn()),
                                orDash(p.commitment()), p.contributionAmount() == null ? orDash(p.contributionInKind())
                                        : kronor(p.contributionAmount()))).toList())
                .heading("Bakgrund").paragraph(text.background())
                .heading("Gemensamma värden").paragraph(text.sharedValues())
                .heading("Mål").paragraph(text.goals())
                .heading("Målgrupp").paragraph(text.targetGroup())
                .heading("Organisation av arbetet").paragraph(text.organisation())
                .heading("Uppföljning").paragraph(text.followUpPlan())
                .heading("Nämndbeslut")
                .table(List.of("Nämnd", "Sammanträde", "§", "Diarienummer", "Belopp"), a.decisions().stream()
                        .map(d -> List.of(d.committee().name(), date(d.meetingDate()), orDash(d.paragraph()),
                                orDash(d.diarienummer()), kronor(d.amount()))).toList())
                .heading("Ändringar")
                .table(List.of("Gäller från", "Ändring"), a.amendments().stream()
                        .map(m -> List.of(date(m.effectiveOn()), orDash(m.description()))).toList());
    }

    private static ArchivePdf decisionPdf(Agreement a, CommitteeDecision d, String municipality) {
        return new ArchivePdf(municipality, "Nämndbeslut", d.committee().name() + " " + date(d.meetingDate())
                + (d.paragraph() == null ? "" : " § " + d.paragraph()))
                .rows("Avtal", a.reference() + " – " + a.title(), "Nämnd", d.committee().name(),
                        "Organisation", d.committee().organisation().name(), "Sammanträde", date(d.meetingDate()),
                        "Paragraf", d.paragraph(), "Diarienummer", d.diarienummer(), "Belopp", kronor(d.amount()))
                .heading("Beslut").paragraph(d.text());
    }

    private static ArchivePdf amendmentPdf(Agreement a, Amendment m, String municipality) {
        CommitteeDecision d = m.decision();
        return new ArchivePdf(municipality, "Ändring av avtal", a.reference() + ", från " + date(m.effectiveOn()))
                .rows("Avtal", a.reference() + " – " + a.title(), "Gäller från", date(m.effectiveOn()),
                        "Ny part", m.addedParty() == null ? null : party(m.addedParty()),
                        "Part som lämnar", m.leavingParty() == null ? null : party(m.leavingParty()),
                        "Beslut", d == null ? null : d.committee().name() + " " + date(d.meetingDate())
                                + (d.diarienummer() == null ? "" : ", " + d.diarienummer()))
                .heading("Ändringen").paragraph(m.description());
    }

    private static ArchivePdf reportPdf(Agreement a, ReportDetails r, String municipality) {
        List<List<String>> counts = new ArrayList<>();
        for (Measure m : Measure.values()) {
            Integer value = r.count(m).value();
            counts.add(List.of(CommitteeReports.LABELS.get(m), value == null ? "–" : value.toString()));
        }
        return new ArchivePdf(municipality, "Verksamhetsrapport", r.partner().name() + " – " + r.period().label(SWEDISH))
                .rows("Avtal", a.reference() + " – " + a.title(), "Partner", r.partner().name(),
                        "Period", date(r.period().start()) + " – " + date(r.period().end()),
                        "Status", STATUS.get(r.status().name()), "Kostnader", kronor(r.costs()),
                        "Inlämnad", date(r.submittedOn()) + (r.submittedBy() == null ? "" : " av " + r.submittedBy()),
                        "Godkänd", date(r.reviewedOn()) + (r.reviewedBy() == null ? "" : " av " + r.reviewedBy()),
                        "Kommentar", r.reviewComment(),
                        "Bilagor", r.attachments().isEmpty() ? null : r.attachments().stream()
                                .map(ReportAttachment::filename).collect(Collectors.joining("\n")))
                .heading("Utfall").table(List.of("Mått", "Antal"), counts)
                .heading("Berättelse").paragraph(r.narrative());
    }

    private ArchivePdf budgetPdf(Agreement a, String municipality) {
        BudgetSummary s = budgets.of(a.id());
        List<List<String>> rows = new ArrayList<>();
        figures(rows, "Avtalet", s.total());
        s.phases().forEach(f -> figures(rows, "Fas: " + f.label(), f));
        s.committees().forEach(f -> figures(rows, "Nämnd: " + f.label(), f));
        s.lines().forEach(f -> figures(rows, "Budgetrad: " + f.label(), f));
        s.partners().forEach(f -> figures(rows, "Partner: " + f.label(), f));
        s.cofinancing().forEach(f -> figures(rows, "Medfinansiering: " + f.label(), f));
        return new ArchivePdf(municipality, "Budgetredovisning", a.reference() + " – " + a.title())
                .paragraph("Tilldelat, planerat, utbetalt och förbrukat per fas, nämnd, budgetrad, partner och medfinansiär."
                        + " Alla betalningar och kostnader finns i data/transaktioner.csv.")
                .table(List.of("Nivå", "Tilldelat", "Planerat", "Utbetalt", "Förbrukat", "Återstår", "Förbrukat %"), rows);
    }

    private static void figures(List<List<String>> rows, String label, BudgetSummary.Figures f) {
        if (f == null) {
            return;
        }
        rows.add(List.of(label, kronor(f.allocated()), kronor(f.planned()), kronor(f.paid()), kronor(f.spent()),
                kronor(f.remaining()), percent(f.percentUsed())));
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    // --- data ----------------------------------------------------------------------------------

    /** Every audited change of the agreement, its parties, decisions and amendments: one row per field changed. */
    private byte[] historyCsv(long agreementId) {
        Table table = new Table("Historik", List.of(new Table.Column("revision", Table.Kind.TEXT),
                new Table.Column("tidpunkt", Table.Kind.TEXT), new Table.Column("användare", Table.Kind.TEXT),
                new Table.Column("avser", Table.Kind.TEXT), new Table.Column("namn", Table.Kind.TEXT),
                new Table.Column("händelse", Table.Kind.TEXT), new Table.Column("fält", Table.Kind.TEXT),
                new Table.Column("före", Table.Kind.TEXT), new Table.Column("efter", Table.Kind.TEXT)));
        List<Change> changes = new ArrayList<>(history.ofAgreement(agreementId));
        changes.sort((x, y) -> Long.compare(x.revision(), y.revision()));
        for (Change c : changes) {
            if (c.fields().isEmpty()) {
                table.add(Long.toString(c.revision()), c.at().toString(), c.username(), c.subject(), c.subjectName(),
                        c.kind().name(), null, null, null);
            }
            for (Change.FieldChange f : c.fields()) {
                table.add(Long.toString(c.revision()), c.at().toString(), c.username(), c.subject(), c.subjectName(),
                        c.kind().name(), f.field(), f.before(), f.after());
            }
        }
        return table.csv();
    }

    /** The package's descriptive metadata: the agreement, its parties, decisions and amendments, as simple XML. */
    private static byte[] descriptive(Agreement a, String municipality) {
        return ArchivePackageWriter.xml(w -> {
            w.writeStartElement("avtal");
            w.writeDefaultNamespace(DESCRIPTIVE_NS);
            el(w, "diarienummer", a.reference());
            el(w, "titel", a.title());
            el(w, "status", a.status().name());
            el(w, "kommun", municipality);
            el(w, "startdatum", a.period().start());
            el(w, "slutdatum", a.period().end());
            el(w, "avslutat", a.closedOn());
            el(w, "skal", a.closingReason());
            el(w, "beslutadeMedel", a.decidedAmount());
            el(w, "mal", a.text().goals());
            el(w, "malgrupp", a.text().targetGroup());
            w.writeStartElement("parter");
            for (AgreementParty p : a.parties()) {
                w.writeStartElement("part");
                el(w, "namn", p.organisation().name());
                el(w, "organisationsnummer", p.organisation().organisationNumber() == null ? null
                        : p.organisation().organisationNumber().value());
                el(w, "roll", p.role().name());
                el(w, "fran", p.joinedOn());
                el(w, "till", p.leftOn());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("beslut");
            for (CommitteeDecision d : a.decisions()) {
                w.writeStartElement("namndbeslut");
                el(w, "namnd", d.committee().name());
                el(w, "sammantrade", d.meetingDate());
                el(w, "paragraf", d.paragraph());
                el(w, "diarienummer", d.diarienummer());
                el(w, "belopp", d.amount());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("andringar");
            for (Amendment m : a.amendments()) {
                w.writeStartElement("andring");
                el(w, "galler", m.effectiveOn());
                el(w, "beskrivning", m.description());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void el(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        w.writeStartElement(name);
        w.writeCharacters(value instanceof BigDecimal b ? b.toPlainString() : value.toString());
        w.writeEndElement();
    }
}
