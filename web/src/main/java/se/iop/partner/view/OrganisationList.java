package se.iop.partner.view;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import se.iop.partner.boundary.OrganisationQuery;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.OrganisationKind;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The organisation register with its search. The table pages and sorts in the database, one page at a
 * time; which organisations a user may see is the service's business (a partner sees only its own).
 */
@Named
@ViewScoped
public class OrganisationList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TABLE = "list:organisations";

    @Inject
    private Viewer viewer;

    @Inject
    private Organisations organisations;

    @Inject
    private Ui ui;

    /** Starts as the q request parameter, so a search can be linked to; then what the user types. */
    @Inject
    @Param(name = "q")
    private String text;

    private OrganisationKind kind;
    private boolean includeInactive;
    private long total;

    private final LazyDataModel<OrganisationRow> rows = new Rows();

    /** A new search starts on the first page. */
    public void search() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table instanceof DataTable t) {
            t.setFirst(0);
        }
    }

    private OrganisationQuery query(Map<String, SortMeta> sortBy, int first, int max) {
        SortMeta sort = sortBy == null ? null : sortBy.values().stream().filter(SortMeta::isActive)
                .min(Comparator.comparingInt(SortMeta::getPriority)).orElse(null);
        String field = sort == null ? "name" : sort.getField();
        boolean ascending = sort == null || !sort.getOrder().isDescending();
        return new OrganisationQuery(text, kind, includeInactive, field, ascending, first, max);
    }

    /** One page of the register as the table asks for it, read by the service with the search applied. */
    private final class Rows extends LazyDataModel<OrganisationRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            total = organisations.count(query(null, 0, 1));
            return (int) Math.min(total, Integer.MAX_VALUE);
        }

        @Override
        public List<OrganisationRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                          Map<String, FilterMeta> filterBy) {
            return organisations.search(query(sortBy, first, pageSize)).stream().map(OrganisationRow::of).toList();
        }

        @Override
        public String getRowKey(OrganisationRow o) {
            return String.valueOf(o.id());
        }

        @Override
        public OrganisationRow getRowData(String rowKey) {
            List<OrganisationRow> page = getWrappedData();
            return page == null ? null : page.stream().filter(o -> rowKey.equals(getRowKey(o))).findFirst().orElse(null);
        }
    }

    public LazyDataModel<OrganisationRow> getRows() {
        return rows;
    }

    public String getSummary() {
        return ui.text("organisation.list.count", total);
    }

    public OrganisationKind[] getKinds() {
        return OrganisationKind.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public void setKind(OrganisationKind kind) {
        this.kind = kind;
    }

    public boolean isIncludeInactive() {
        return includeInactive;
    }

    public void setIncludeInactive(boolean includeInactive) {
        this.includeInactive = includeInactive;
    }
}
