package se.iop.archive.control;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.util.List;

/** veraPDF's verdict on a PDF as PDF/A-2b: the rules it breaks, each with veraPDF's clause, test and message. */
public final class PdfAValidator {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidator() {
    }

    /** The failed checks, empty when veraPDF finds the document PDF/A-2b compliant. */
    public static List<String> failures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            if (!result.isCompliant() && failed.isEmpty()) {
                return List.of("not compliant: " + result.getJobEndStatus());
            }
            return failed;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not read the PDF: " + e.getMessage(), e);
        }
    }
}
