package se.iop.agreement.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.agreement.boundary.AgreementQuery;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.List;

/**
 * The agreement list with its search. Which agreements a user may see is the service's business:
 * a partner gets only those its organisation is party to.
 */
@Named
@ViewScoped
public class AgreementList implements Serializable {

    private static final long serialVersionUID = 1L;
    /** More than a municipality has IOPs; the table pages through them in the browser. */
    private static final int MAX = 500;

    @Inject
    private Viewer viewer;

    @Inject
    private Agreements agreements;

    @Inject
    private Ui ui;

    /** Starts as the q request parameter, so a search can be linked to; then what the user types. */
    @Inject
    @Param(name = "q")
    private String text;

    private AgreementStatus status;

    // Entities are read again after a session is restored rather than stored in it.
    private transient List<Agreement> rows;
    private long total;

    public void search() {
        rows = null;
    }

    public List<Agreement> getRows() {
        if (rows == null) {
            AgreementQuery q = new AgreementQuery(text, status, 0, MAX);
            rows = agreements.search(q);
            total = agreements.count(q);
        }
        return rows;
    }

    /** "Agreements: 3", or a hint to narrow the search when there are more than the table holds. */
    public String getSummary() {
        List<Agreement> shown = getRows();
        return shown.size() < total ? ui.text("agreement.list.truncated", shown.size(), total)
                : ui.text("agreement.list.count", total);
    }

    public AgreementStatus[] getStatuses() {
        return AgreementStatus.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    public void setStatus(AgreementStatus status) {
        this.status = status;
    }
}
