package se.iop.agreement.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.PartyRole;
import se.iop.agreement.entity.Signature;
import se.iop.archive.boundary.ArchivePackages;
import se.iop.archive.control.ArchivePdf;
import se.iop.budget.boundary.BudgetSummaries;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.common.Days;
import se.iop.common.NotFound;
import se.iop.common.Versions;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.control.Registration;
import se.iop.diary.entity.DocumentKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static se.iop.report.control.SwedishFormat.kronor;

/**
 * Signing an agreement: the PDF the parties sign, each party's signature as an administrator records it (on paper,
 * or the signed PDF uploaded and registered in the diary as a document received), and the signatures as anyone who
 * may read the agreement reads them — a partner only on its own agreements, to which others do not exist.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Signatures {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    @Inject
    private BudgetSummaries budgets;

    @Inject
    private Registrations registrations;

    @Inject
    private Caller caller;

    /** Every party of the agreement, in the parties' order, with its signature if it has signed. */
    public List<PartySignature> of(long agreementId) {
        Agreement a = agreements.find(agreementId);
        Map<Long, String> numbers = registrations.numbers(DocumentKind.SIGNED_AGREEMENT, a.signatures().stream()
                .filter(Signature::hasDocument).map(Signature::id).toList());
        return a.parties().stream().map(p -> PartySignature.of(a, p,
                a.signatureOf(p).map(s -> numbers.get(s.id())).orElse(null))).toList();
    }

    @RolesAllowed("ADMIN")
    public PartySignature onPaper(long agreementId, Long partyId, String signedBy, LocalDate signedOn) {
        Agreement a = agreements.find(agreementId);
        AgreementParty party = party(a, partyId);
        Signature s = a.signOnPaper(party, signedBy, signedOn, caller.username(), Instant.now());
        Versions.flushed(em, s);
        return PartySignature.of(a, party, null);
    }

    /**
     * The signed agreement uploaded for a party; it is a document the municipality receives from the party, so it is
     * registered in the diary in the same transaction (a refused registration keeps nothing).
     */
    @RolesAllowed("ADMIN")
    public PartySignature withDocument(long agreementId, Long partyId, String signedBy, LocalDate signedOn,
                                       String filename, String contentType, byte[] bytes) {
        Agreement a = agreements.find(agreementId);
        AgreementParty party = party(a, partyId);
        Signature s = a.signWithDocument(party, signedBy, signedOn, filename, contentType, bytes, caller.username(),
                Instant.now());
        Versions.flushed(em, s);
        String number = registrations.register(Registration.signedAgreement(s.id(), party.organisation().name(),
                s.filename(), a.title(), a.reference(), Days.today())).number();
        return PartySignature.of(a, party, number);
    }

    /** The uploaded signed agreement, for whoever may read the agreement; refused if it no longer matches its checksum. */
    public SignedDocument document(long agreementId, long signatureId) {
        Agreement a = NotFound.as("signature", () -> agreements.find(agreementId));
        Signature s = a.signatures().stream().filter(x -> x.id() == signatureId && x.hasDocument()).findFirst()
                .orElseThrow(() -> new NotFound("signature"));
        return new SignedDocument(s.filename(), s.contentType(), s.document(), s.sha256());
    }

    private static AgreementParty party(Agreement a, Long partyId) {
        if (partyId == null) {
            throw new se.iop.common.InvalidInput("partyId", "error.required");
        }
        return a.party(partyId);
    }

    // --- the PDF to sign ------------------------------------------------------------------------

    /**
     * The agreement as the parties sign it, a Swedish PDF/A: the agreement document of the archive package (clauses,
     * parties, decisions, amendments), the budget as planned (allocated and planned per phase, committee, budget line
     * and co-financing) and a signature block per party that is to sign.
     */
    public byte[] signingPdf(long agreementId) {
        Agreement a = agreements.find(agreementId);
        String municipality = a.parties().stream().filter(p -> p.role() == PartyRole.PUBLIC_PARTNER)
                .map(p -> p.organisation().name()).distinct().collect(Collectors.joining(", "));
        ArchivePdf pdf = ArchivePackages.agreementPdf(a, municipality);
        BudgetSummary s = budgets.of(a.id());
        List<List<String>> rows = new ArrayList<>();
        figures(rows, "Avtalet", s.total());
        s.phases().forEach(f -> figures(rows, "Fas: " + f.label(), f));
        s.committees().forEach(f -> figures(rows, "Nämnd: " + f.label(), f));
        s.lines().forEach(f -> figures(rows, "Budgetrad: " + f.label(), f));
        s.cofinancing().forEach(f -> figures(rows, "Medfinansiering: " + f.label(), f));
        pdf.heading("Budget").table(List.of("Nivå", "Tilldelat", "Planerat"), rows);
        pdf.heading("Underskrifter")
                .paragraph("Avtalet har upprättats i lika lydande exemplar, ett för varje part. Varje part skriver under"
                        + " genom behörig företrädare.");
        // Room to write by hand: a value of non-breaking spaces and line breaks is not blank, so the row keeps its height.
        String space = "\u00a0\n\n\u00a0";
        for (AgreementParty p : a.signatories()) {
            pdf.heading(p.organisation().name() + (p.organisation().organisationNumber() == null ? ""
                    : " (" + p.organisation().organisationNumber().value() + ")"))
                    .rows("Ort och datum", space, "Underskrift", space, "Namnförtydligande", space);
        }
        return pdf.pdf(Instant.now());
    }

    private static void figures(List<List<String>> rows, String label, BudgetSummary.Figures f) {
        if (f != null) {
            rows.add(List.of(label, kronor(f.allocated()), kronor(f.planned())));
        }
    }
}
