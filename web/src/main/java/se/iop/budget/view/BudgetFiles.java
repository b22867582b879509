package se.iop.budget.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.boundary.BudgetExports;
import se.iop.budget.boundary.Budgets;
import se.iop.budget.boundary.ExpenseImports;
import se.iop.budget.boundary.ImportReport;
import se.iop.budget.control.ExpenseCsv;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Phase;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.web.Formats;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Import and export of an agreement's budget: finance staff read in costs from the accounting
 * system's CSV file and see a report on every bad row; whoever may read the budget downloads the
 * transactions and the overview as CSV or Excel, and the booked costs of a year as SIE 4.
 */
@Named
@ViewScoped
public class BudgetFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One bad row in the report, in the user's language. */
    public record ProblemRow(String row, String column, String message) implements Serializable {
    }

    /** A phase and the names its lines may be given by in the file. */
    public record PhaseLines(String phase, String period, String lines) implements Serializable {
    }

    @Inject
    private Viewer viewer;

    @Inject
    private Agreements agreements;

    @Inject
    private Budgets budgets;

    @Inject
    private ExpenseImports imports;

    @Inject
    private BudgetExports exports;

    @Inject
    private Ui ui;

    @Inject
    private Formats formats;

    @Inject
    @Param(name = "agreement")
    private String agreementParam;

    private Long id;
    private boolean found;
    private String title;
    private String reference;
    private List<Integer> years = List.of();
    private List<PhaseLines> phases = List.of();
    private List<ProblemRow> problems = List.of();
    private String fileName;
    private String exampleLine = "Boendestödjare";

    @PostConstruct
    void load() {
        found = false;
        id = parseId(agreementParam);
        int status = 404;
        if (id != null) {
            try {
                Agreement a = agreements.find(id);
                title = a.title();
                reference = a.reference();
                List<Phase> all = budgets.phases(id);
                phases = all.stream().map(BudgetFiles::describe).toList();
                all.stream().flatMap(p -> p.lines().stream()).findFirst().ifPresent(l -> exampleLine = l.name());
                years = exports.sieYears(id);
                found = true;
            } catch (NotFound e) {
                found = false;
            } catch (EJBAccessException e) {
                status = 403;
            }
        }
        if (!found) {
            external().setResponseStatus(status);
        }
    }

    private static PhaseLines describe(Phase p) {
        return new PhaseLines(p.name(), p.startDate() + " – " + p.endDate(),
                p.lines().stream().map(BudgetLine::name).collect(Collectors.joining(", ")));
    }

    private static Long parseId(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Checks the upload here too (a browser's checks are only a convenience), then imports it: all
     * rows, or none and the report.
     */
    public void upload(FileUploadEvent event) {
        problems = List.of();
        UploadedFile file = event.getFile();
        fileName = file == null ? null : file.getFileName();
        if (file == null || file.getSize() == 0) {
            ui.message(FacesMessage.SEVERITY_ERROR, "budgetio.import.empty");
            return;
        }
        if (file.getSize() > ExpenseCsv.MAX_BYTES) {
            ui.message(FacesMessage.SEVERITY_ERROR, "budgetio.import.tooLarge", ExpenseCsv.MAX_BYTES / (1024 * 1024));
            return;
        }
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).matches(".+\\.(csv|txt)")) {
            ui.message(FacesMessage.SEVERITY_ERROR, "budgetio.import.wrongType");
            return;
        }
        try {
            ImportReport report = imports.importCsv(id, file.getContent());
            if (report.ok()) {
                ui.message(FacesMessage.SEVERITY_INFO, "budgetio.import.done", report.imported(), formats.money(report.total()));
                years = exports.sieYears(id);
            } else {
                Locale locale = ui.locale();
                problems = report.problems().stream().map(p -> new ProblemRow(p.row() == 0 ? "–" : Integer.toString(p.row()),
                        ui.text("budgetio.column." + p.field()), p.message(locale))).toList();
                ui.message(FacesMessage.SEVERITY_ERROR, "budgetio.import.refused", report.problems().size());
            }
        } catch (DomainException e) {
            ui.refused(e);
        } catch (EJBAccessException e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "budgetio.import.notAllowed");
        }
    }

    /** Where the export links point: the API, which takes the page's session. */
    public String getExportBase() {
        return external().getRequestContextPath() + "/api/budgets/" + id + "/export/";
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getReference() {
        return reference;
    }

    public List<Integer> getYears() {
        return years;
    }

    public List<PhaseLines> getPhases() {
        return phases;
    }

    public List<ProblemRow> getProblems() {
        return problems;
    }

    public String getFileName() {
        return fileName;
    }

    public String getLimits() {
        return ui.text("budgetio.import.limits", ExpenseCsv.MAX_BYTES / (1024 * 1024), ExpenseCsv.MAX_ROWS);
    }

    /** A line name of this agreement for the example in the format description. */
    public String getExampleLine() {
        return exampleLine;
    }

    public int getMaxBytes() {
        return ExpenseCsv.MAX_BYTES;
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
