package se.iop.fidelity.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.common.Percent;
import se.iop.fidelity.boundary.AssessmentDetails;
import se.iop.fidelity.boundary.FidelityAssessments;
import se.iop.fidelity.entity.FidelityScale;
import se.iop.report.view.ChartConfig;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fidelity part of an agreement's follow-up page: its self-assessments with domain scores and total against
 * the maximum, the trend of the approved ones over the years, and for a partner the start of a new one.
 */
@Named
@ViewScoped
public class FidelityFollowUp implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> COLORS = List.of(ChartConfig.BLUE, ChartConfig.GREEN, ChartConfig.ORANGE,
            ChartConfig.RED, "#5b3f8c", ChartConfig.GREY);

    @Inject
    private Viewer viewer;

    @Inject
    private FidelityAssessments assessments;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long agreementId;
    private Integer year;

    private transient List<AssessmentDetails> list;
    private transient List<AssessmentDetails> approved;
    private transient List<Integer> yearChoices;

    @PostConstruct
    void load() {
        try {
            agreementId = idParam == null ? null : Long.valueOf(idParam.strip());
        } catch (NumberFormatException e) {
            agreementId = null;
        }
    }

    public List<AssessmentDetails> getAssessments() {
        if (list == null) {
            try {
                list = agreementId == null || viewer.isLandlord() ? List.of() : assessments.ofAgreement(agreementId);
            } catch (NotFound e) {
                list = List.of();
            }
        }
        return list;
    }

    public List<AssessmentDetails> getApproved() {
        if (approved == null) {
            try {
                approved = agreementId == null || viewer.isLandlord() ? List.of() : assessments.approved(agreementId);
            } catch (NotFound e) {
                approved = List.of();
            }
        }
        return approved;
    }

    /** "57 / 76 (75,0 %)": a sum against its maximum. */
    public String score(int sum, int max) {
        return FidelityTexts.score(sum, max, ui.locale());
    }

    /** The domains' and the total's share of their maximum per approved year, as lines. */
    public String getTrendChart() {
        List<AssessmentDetails> approved = getApproved();
        List<String> years = approved.stream().map(a -> Integer.toString(a.year())).toList();
        List<ChartConfig.Series> series = new ArrayList<>();
        if (!approved.isEmpty()) {
            List<FidelityScale.DomainScore> first = approved.get(0).scoring().domains();
            for (int d = 0; d < first.size(); d++) {
                int index = d;
                List<BigDecimal> values = approved.stream().map(a -> {
                    FidelityScale.DomainScore s = a.scoring().domains().get(index);
                    return Percent.of(s.sum(), s.max());
                }).toList();
                series.add(new ChartConfig.Series("line", first.get(d).name(), values, COLORS.get(d % COLORS.size()), false));
            }
            series.add(new ChartConfig.Series("line", ui.text("fidelity.total"),
                    approved.stream().map(a -> Percent.of(a.scoring().total(), a.scoring().max())).toList(),
                    "#111111", true));
        }
        return ChartConfig.bars(years, series, ui.text("fidelity.chart.percent"), 100, false);
    }

    /** The years a partner may still begin a self-assessment for (the service's read of the one rule). */
    public List<Integer> getYearChoices() {
        if (!viewer.isPartner() || agreementId == null) {
            return List.of();
        }
        if (yearChoices == null) {
            try {
                yearChoices = assessments.yearsToBegin(agreementId);
            } catch (NotFound e) {
                yearChoices = List.of();
            }
        }
        return yearChoices;
    }

    /** Begins the partner's self-assessment for the chosen year and opens it. */
    public String begin() {
        try {
            AssessmentDetails a = assessments.create(agreementId, year, List.of());
            return "/followup/fidelity?faces-redirect=true&id=" + a.id();
        } catch (DomainException e) {
            ui.refused(e);
            return null;
        }
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String statusText(AssessmentDetails a) {
        return ui.text("followup.report.status." + a.status());
    }
}
