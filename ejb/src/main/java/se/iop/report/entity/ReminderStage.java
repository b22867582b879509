package se.iop.report.entity;

import java.time.LocalDate;
import java.util.List;

/**
 * The two reminders a partner gets about a report it has not handed in: {@code DUE_SOON} from {@code daysBefore}
 * days before the last day to submit (that day included), {@code LATE} from the day after it.
 */
public enum ReminderStage {
    DUE_SOON, LATE;

    /** The stage a report not yet handed in, due on {@code dueOn}, has reached today; null while it is not yet time. */
    public static ReminderStage of(LocalDate dueOn, LocalDate today, int daysBefore) {
        if (today.isAfter(dueOn)) {
            return LATE;
        }
        return today.isBefore(dueOn.minusDays(Math.max(0, daysBefore))) ? null : DUE_SOON;
    }

    /** One reminder wanted: the unreported period and the stage it has reached. */
    public record Wanted(DueReport report, ReminderStage stage) {
    }

    /**
     * The reminders the periods not yet reported call for today ({@link ReportingSchedule#due}: a period handed in is
     * not among them, so it calls for none).
     */
    public static List<Wanted> wanted(List<DueReport> due, LocalDate today, int daysBefore) {
        return due.stream().map(d -> new Wanted(d, of(d.dueOn(), today, daysBefore)))
                .filter(w -> w.stage() != null).toList();
    }
}
