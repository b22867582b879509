package se.iop.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

import java.time.LocalDate;

/** One intake cohort's figures in a report (see {@link CohortFigures}, which holds the rules). */
@Entity
@Table(name = "report_cohort")
@Audited
public class ReportCohort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    private ActivityReport report;

    @Column(name = "cohort_start", nullable = false)
    private LocalDate cohortStart;

    @Column(nullable = false)
    private int housed;

    @Column(name = "retained_12")
    private Integer retained12;

    @Column(name = "retained_24")
    private Integer retained24;

    @Column(name = "moved_on")
    private Integer movedOn;

    private Integer evictions;

    @Column(name = "returned_homeless")
    private Integer returnedHomeless;

    @Column(name = "leases_own")
    private Integer leasesOwn;

    protected ReportCohort() {
    }

    ReportCohort(ActivityReport report, CohortFigures figures) {
        this.report = report;
        this.cohortStart = figures.quarter().start();
        state(figures);
    }

    /** Takes figures already checked by the report. */
    void state(CohortFigures f) {
        housed = f.housed();
        retained12 = f.retained12();
        retained24 = f.retained24();
        movedOn = f.movedOn();
        evictions = f.evictions();
        returnedHomeless = f.returnedHomeless();
        leasesOwn = f.leasesOwn();
    }

    public CohortFigures figures() {
        return new CohortFigures(ReportPeriod.quarterOf(cohortStart), housed, retained12, retained24, movedOn, evictions,
                returnedHomeless, leasesOwn);
    }

    public LocalDate cohortStart() {
        return cohortStart;
    }
}
