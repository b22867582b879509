package se.iop.report.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.primefaces.model.timeline.TimelineEvent;
import org.primefaces.model.timeline.TimelineModel;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.view.TimelineEntry;
import se.iop.common.Days;
import se.iop.common.DomainException;
import se.iop.common.NotFound;
import se.iop.milestone.boundary.Milestones;
import se.iop.milestone.entity.Milestone;
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.ReportBrief;
import se.iop.report.boundary.OutcomeSummaries;
import se.iop.report.boundary.ReportQuery;
import se.iop.report.boundary.Reminders;
import se.iop.report.boundary.SentReminder;
import se.iop.report.entity.DueReport;
import se.iop.report.entity.ReportPeriod;
import se.iop.web.Formats;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The follow-up of one agreement: its milestones on a timeline with its decisions and amendments (late
 * ones marked), its outcomes as charts, its reports and the reports still due.
 */
@Named
@ViewScoped
public class AgreementFollowUp implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Viewer viewer;

    @Inject
    private Agreements agreements;

    @Inject
    private Milestones milestones;

    @Inject
    private ActivityReports reports;

    @Inject
    private OutcomeSummaries outcomes;

    @Inject
    private Ui ui;

    @Inject
    private Formats formats;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found;

    private transient Agreement agreement;
    private transient List<Milestone> milestoneList;
    private transient OutcomeCharts charts;
    private transient List<ReportBrief> reportList;
    private transient List<DueReport> due;
    private transient List<SentReminder> reminderList;

    @Inject
    private Reminders reminders;

    @PostConstruct
    void load() {
        try {
            id = idParam == null ? null : Long.valueOf(idParam.strip());
            if (id != null) {
                agreement = agreements.find(id);
                found = true;
            }
        } catch (NumberFormatException | NotFound e) {
            found = false;
        } catch (jakarta.ejb.EJBAccessException e) {
            found = false; // a landlord: the follow-up does not exist for it
        }
        if (!found) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    /** Reads everything again after a change. */
    public void reload() {
        agreement = null;
        milestoneList = null;
        charts = null;
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public Agreement getAgreement() {
        if (agreement == null && found) {
            agreement = agreements.find(id);
        }
        return agreement;
    }

    public List<Milestone> getMilestones() {
        if (milestoneList == null && found) {
            milestoneList = milestones.ofAgreement(id);
        }
        return milestoneList == null ? List.of() : milestoneList;
    }

    public boolean late(Milestone m) {
        return m.isLate(Days.today());
    }

    public long getLateCount() {
        return getMilestones().stream().filter(this::late).count();
    }

    public OutcomeCharts getCharts() {
        if (charts == null && found) {
            charts = new OutcomeCharts(outcomes.ofAgreement(id), ui);
        }
        return charts;
    }

    public List<ReportBrief> getReports() {
        if (reportList == null && found) {
            reportList = reports.search(new ReportQuery(id, null, null));
        }
        return reportList == null ? List.of() : reportList;
    }

    public List<DueReport> getDue() {
        if (due == null && found) {
            due = reports.due().stream().filter(d -> d.agreementId() == id).toList();
        }
        return due == null ? List.of() : due;
    }

    /** The e-mail reminders about this agreement's reports and self-assessments: only administrators and auditors see them (the service says). */
    public List<SentReminder> getReminders() {
        if (reminderList == null && found) {
            reminderList = reminders.sent(id);
        }
        return reminderList == null ? List.of() : reminderList;
    }

    /** Whether the reminder's mailer died at the message's end: it may have arrived; an administrator may send it again. */
    public boolean uncertain(SentReminder r) {
        return Reminders.UNCERTAIN.equals(r.status());
    }

    /** An administrator sends an uncertain reminder again (the service refuses anyone else, and anything else). */
    public void sendAgain(long reminderId) {
        try {
            reminders.sendAgain(reminderId);
            ui.message(FacesMessage.SEVERITY_INFO, "mail.sendAgain.done");
        } catch (DomainException e) {
            ui.refused(e);
        }
        reminderList = null;
    }

    /** What a reminder was about: a report's quarter, or the year of a self-assessment. */
    public String reminderPeriod(SentReminder r) {
        String period = "FIDELITY".equals(r.kind()) ? r.period() : ReportPeriod.parse(r.period()).label(ui.locale());
        return ui.text("reminders.kind." + r.kind(), period);
    }

    public String period(ReportBrief r) {
        return r.period().label(ui.locale());
    }

    public String period(DueReport d) {
        return d.period().label(ui.locale());
    }

    /** Milestones, committee decisions and amendments, oldest first, as text for the list beside the chart. */
    public List<TimelineEntry> getEntries() {
        if (!found) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        Agreement a = getAgreement();
        for (CommitteeDecision d : a.decisions()) {
            entries.add(new TimelineEntry(d.meetingDate(), "decision",
                    ui.text("agreement.timeline.decision", d.committee().name(), d.paragraph() == null ? "" : d.paragraph()).strip(),
                    d.amount() == null ? d.text() : formats.money(d.amount())));
        }
        for (Amendment m : a.amendments()) {
            String heading = m.leavingParty() != null ? ui.text("agreement.timeline.leaves", m.leavingParty().organisation().name())
                    : m.addedParty() == null ? ui.text("agreement.timeline.amendment")
                    : ui.text("agreement.timeline.joins", m.addedParty().organisation().name());
            entries.add(new TimelineEntry(m.effectiveOn(), "amendment", heading, m.description()));
        }
        for (Milestone m : getMilestones()) {
            String kind = late(m) ? "late" : "milestone-" + m.status();
            String state = late(m) ? ui.text("followup.milestone.lateSince", formats.date(m.dueOn()))
                    : ui.text("followup.milestone.status." + m.status());
            entries.add(new TimelineEntry(m.completedOn() != null ? m.completedOn() : m.dueOn(), kind,
                    ui.text("followup.timeline.milestone", m.title()), state));
        }
        entries.sort(Comparator.comparing(TimelineEntry::date));
        return entries;
    }

    /** The same events for the visual timeline; late milestones carry their own style. */
    public TimelineModel<String, Object> getTimeline() {
        TimelineModel<String, Object> model = new TimelineModel<>();
        int n = 0;
        for (TimelineEntry e : getEntries()) {
            model.add(TimelineEvent.<String>builder().id("e" + n++).data(e.heading()).startDate(e.date())
                    .styleClass("tl-" + e.kind()).editable(false).build());
        }
        return model;
    }

    /** Administrators, finance and auditors may take out the committee report. */
    public boolean isCommitteeReport() {
        return viewer.isAdmin() || viewer.isFinance() || viewer.isAuditor();
    }
}
