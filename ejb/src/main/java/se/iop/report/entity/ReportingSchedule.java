package se.iop.report.entity;

import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.PartyRole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which reports are due: every non-profit partner reports every calendar quarter it took part in an
 * agreement in force, once the quarter is over. A quarter counts as reported when reports handed in
 * (submitted or approved) cover each of its months the partner took part in, by quarter or by month.
 */
public final class ReportingSchedule {

    private ReportingSchedule() {
    }

    /** The quarters not yet reported, oldest first, for each non-profit party of the agreement. */
    public static List<DueReport> due(Agreement agreement, List<ActivityReport> reports, LocalDate today) {
        List<DueReport> due = new ArrayList<>();
        if (!agreement.hasBeenInForce() || agreement.period().start() == null) {
            return due;
        }
        for (AgreementParty party : agreement.parties()) {
            if (party.role() != PartyRole.NON_PROFIT_PARTNER) {
                continue;
            }
            List<ActivityReport> own = reports.stream()
                    .filter(r -> r.partner() == party.organisation()
                            || (r.partner().id() != null && r.partner().id().equals(party.organisation().id()))).toList();
            due.addAll(due(agreement, party, own, today));
        }
        return due;
    }

    private static List<DueReport> due(Agreement agreement, AgreementParty party, List<ActivityReport> own,
                                       LocalDate today) {
        LocalDate from = latest(agreement.period().start(), party.joinedOn());
        LocalDate to = earliest(earliest(agreement.period().end(), agreement.closedOn()), party.leftOn());
        Set<LocalDate> handedIn = new HashSet<>();
        for (ActivityReport r : own) {
            if (r.status().handedIn()) {
                handedIn.addAll(r.period().months());
            }
        }
        List<DueReport> due = new ArrayList<>();
        for (ReportPeriod q = ReportPeriod.quarterOf(from); today.isAfter(q.end()) && (to == null || !q.start().isAfter(to));
             q = ReportPeriod.quarterOf(q.end().plusDays(1))) {
            boolean reported = true;
            for (LocalDate month : q.months()) {
                boolean takingPart = !month.plusMonths(1).minusDays(1).isBefore(from) && (to == null || !month.isAfter(to));
                if (takingPart && !handedIn.contains(month)) {
                    reported = false;
                }
            }
            if (reported) {
                continue;
            }
            ReportPeriod quarter = q;
            ActivityReport open = own.stream().filter(r -> r.status().editable() && r.period().overlaps(quarter))
                    .findFirst().orElse(null);
            due.add(new DueReport(agreement.id() == null ? 0 : agreement.id(), agreement.title(),
                    party.organisation().id() == null ? 0 : party.organisation().id(), party.organisation().name(),
                    quarter, quarter.dueOn(), today.isAfter(quarter.dueOn()),
                    open == null ? null : open.id(), open == null ? null : open.status()));
        }
        return due;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b == null || (a != null && a.isAfter(b)) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
