package se.iop.report.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.StreamedContent;
import se.iop.common.Days;
import se.iop.common.DomainException;
import se.iop.report.boundary.CommitteeReports;
import se.iop.web.Ui;

import java.io.Serializable;
import java.time.LocalDate;

/** Takes out the committee report of the agreement on the page, for the period chosen, as PDF or CSV. */
@Named
@ViewScoped
public class CommitteeReportDownload implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AgreementFollowUp view;

    @Inject
    private CommitteeReports reports;

    @Inject
    private Ui ui;

    private LocalDate from;
    private LocalDate to;
    private boolean initialised;

    private void defaults() {
        if (!initialised && view.isFound()) {
            initialised = true;
            from = view.getAgreement().period().start();
            to = Days.today();
        }
    }

    public StreamedContent pdf() {
        try {
            byte[] bytes = reports.pdf(view.getId(), from, to);
            return Downloads.of(bytes, "application/pdf", "uppfoljning-" + view.getId() + ".pdf");
        } catch (DomainException e) {
            ui.refused(e);
            return null;
        }
    }

    public StreamedContent csv() {
        try {
            byte[] bytes = reports.csv(view.getId(), from, to);
            return Downloads.of(bytes, "text/csv; charset=UTF-8", "uppfoljning-" + view.getId() + ".csv");
        } catch (DomainException e) {
            ui.refused(e);
            return null;
        }
    }

    public LocalDate getFrom() {
        defaults();
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        defaults();
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
