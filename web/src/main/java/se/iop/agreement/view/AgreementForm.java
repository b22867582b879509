package se.iop.agreement.view;

import se.iop.agreement.boundary.AgreementDraft;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementText;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the user types about an agreement's head and prose, kept as typed (also when the save is
 * refused), with the version it was read at so a concurrent save is noticed.
 */
public class AgreementForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long version;
    private String reference;
    private String title;
    private LocalDate startDate;
    private LocalDate endDate;
    private Integer noticeMonths;
    private String background;
    private String sharedValues;
    private String goals;
    private String targetGroup;
    private String organisationOfWork;
    private String followUpPlan;
    /** A party has signed: the title and the clauses are shown but not editable (an amendment records a change). */
    private boolean signed;

    /** The form on the agreement as stored, {@code signed} when any party has signed it (from the signatures' record). */
    public static AgreementForm of(Agreement a, boolean signed) {
        AgreementForm f = new AgreementForm();
        f.version = a.version();
        f.reference = a.reference();
        f.title = a.title();
        f.startDate = a.period().start();
        f.endDate = a.period().end();
        f.noticeMonths = a.noticeMonths();
        AgreementText t = a.text();
        f.background = t.background();
        f.sharedValues = t.sharedValues();
        f.goals = t.goals();
        f.targetGroup = t.targetGroup();
        f.organisationOfWork = t.organisation();
        f.followUpPlan = t.followUpPlan();
        f.signed = signed;
        return f;
    }

    public AgreementDraft draft() {
        return new AgreementDraft(reference, title,
                new AgreementText(background, sharedValues, goals, targetGroup, organisationOfWork, followUpPlan),
                startDate, endDate, noticeMonths);
    }

    public boolean isSigned() {
        return signed;
    }

    public Long getVersion() {
        return version;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Integer getNoticeMonths() {
        return noticeMonths;
    }

    public void setNoticeMonths(Integer noticeMonths) {
        this.noticeMonths = noticeMonths;
    }

    public String getBackground() {
        return background;
    }

    public void setBackground(String background) {
        this.background = background;
    }

    public String getSharedValues() {
        return sharedValues;
    }

    public void setSharedValues(String sharedValues) {
        this.sharedValues = sharedValues;
    }

    public String getGoals() {
        return goals;
    }

    public void setGoals(String goals) {
        this.goals = goals;
    }

    public String getTargetGroup() {
        return targetGroup;
    }

    public void setTargetGroup(String targetGroup) {
        this.targetGroup = targetGroup;
    }

    public String getOrganisationOfWork() {
        return organisationOfWork;
    }

    public void setOrganisationOfWork(String organisationOfWork) {
        this.organisationOfWork = organisationOfWork;
    }

    public String getFollowUpPlan() {
        return followUpPlan;
    }

    public void setFollowUpPlan(String followUpPlan) {
        this.followUpPlan = followUpPlan;
    }
}
