package se.iop.report.view;

import se.iop.report.boundary.OutcomeSummary.CohortPoint;
import se.iop.report.entity.CohortFigures;

import java.io.Serializable;
import java.util.stream.Stream;

/** One intake cohort of a report form: its quarter ("2024-Q1") and the figures typed, empty while not known. */
public class CohortRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String cohort;
    private final String label;
    private Integer housed;
    private Integer retained12;
    private Integer retained24;
    private Integer movedOn;
    private Integer evictions;
    private Integer returnedHomeless;
    private Integer leasesOwn;

    CohortRow(String cohort, String label) {
        this.cohort = cohort;
        this.label = label;
    }

    /** The figures of the partner's own report, exact. */
    static CohortRow of(CohortPoint c, String label) {
        CohortRow r = new CohortRow(c.cohort(), label);
        r.housed = c.housed().value();
        r.retained12 = c.retained12().value();
        r.retained24 = c.retained24().value();
        r.movedOn = c.movedOn().value();
        r.evictions = c.evictions().value();
        r.returnedHomeless = c.returnedHomeless().value();
        r.leasesOwn = c.leasesOwn().value();
        return r;
    }

    boolean isBlank() {
        return Stream.of(housed, retained12, retained24, movedOn, evictions, returnedHomeless, leasesOwn).allMatch(v -> v == null);
    }

    CohortFigures figures(int index) {
        return CohortFigures.of(cohort, index, housed, retained12, retained24, movedOn, evictions, returnedHomeless, leasesOwn);
    }

    public String getCohort() {
        return cohort;
    }

    public String getLabel() {
        return label;
    }

    public Integer getHoused() {
        return housed;
    }

    public void setHoused(Integer housed) {
        this.housed = housed;
    }

    public Integer getRetained12() {
        return retained12;
    }

    public void setRetained12(Integer retained12) {
        this.retained12 = retained12;
    }

    public Integer getRetained24() {
        return retained24;
    }

    public void setRetained24(Integer retained24) {
        this.retained24 = retained24;
    }

    public Integer getMovedOn() {
        return movedOn;
    }

    public void setMovedOn(Integer movedOn) {
        this.movedOn = movedOn;
    }

    public Integer getEvictions() {
        return evictions;
    }

    public void setEvictions(Integer evictions) {
        this.evictions = evictions;
    }

    public Integer getReturnedHomeless() {
        return returnedHomeless;
    }

    public void setReturnedHomeless(Integer returnedHomeless) {
        this.returnedHomeless = returnedHomeless;
    }

    public Integer getLeasesOwn() {
        return leasesOwn;
    }

    public void setLeasesOwn(Integer leasesOwn) {
        this.leasesOwn = leasesOwn;
    }
}
