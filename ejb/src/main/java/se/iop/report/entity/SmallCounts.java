package se.iop.report.entity;

import java.math.BigDecimal;

/**
 * Small-number suppression: in anything shown beyond the reporting partner and the administrators
 * (auditors, other partners, dashboards, the committee report, exports), a count under three is
 * written "&lt; 3", so that no one can be singled out, and a share is not given when fewer than three
 * households stand behind it. The services decide who sees exact counts and hand out only what the
 * caller may see (see {@code ReportDetails}, {@code OutcomeSummary}).
 */
public final class SmallCounts {

    public static final int THRESHOLD = 3;
    public static final String HIDDEN = "< 3";
    private static final String NONE = "–";

    private SmallCounts() {
    }

    public static boolean hidden(Integer count) {
        return count != null && count < THRESHOLD;
    }

    /** The count as text, or "&lt; 3" when it is under the threshold; an empty count as a dash. */
    public static String shown(Integer count) {
        if (count == null) {
            return NONE;
        }
        return hidden(count) ? HIDDEN : Integer.toString(count);
    }

    /** The count, or null when it is under the threshold. */
    public static Integer orNull(Integer count) {
        return hidden(count) ? null : count;
    }

    /** A share of {@code whole} households: exact, or else null when fewer than three stand behind it. */
    public static BigDecimal share(Integer part, Integer whole, boolean exact) {
        return exact ? Outcomes.percent(part, whole) : share(part, whole);
    }

    /** A share of {@code whole} households, or null when fewer than three stand behind it. */
    public static BigDecimal share(Integer part, Integer whole) {
        if (whole == null || whole < THRESHOLD) {
            return null;
        }
        return Outcomes.percent(part, whole);
    }
}
