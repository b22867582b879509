package se.iop.fidelity.entity;

import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.PartyRole;
import se.iop.common.Settings;
import se.iop.partner.entity.Organisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which self-assessments are due: one for every calendar year an agreement in force ran, once the year is over, by a
 * fixed day of the next year ({@link #dueDay()}, 31 January unless configured). It is due from every non-profit
 * partner of the agreement that year until one of them hands it in; once a partner has begun it (there is one per
 * agreement and year), only that partner's. Handed in (submitted or approved), it is due no more.
 */
public final class FidelitySchedule {

    private static final Logger LOG = Logger.getLogger(FidelitySchedule.class.getName());
    /** The last day to hand in the self-assessment of a year, in the following year. */
    public static final MonthDay DEFAULT_DUE_DAY = MonthDay.of(1, 31);

    private FidelitySchedule() {
    }

    /** One self-assessment a partner has still to hand in: that of {@code year}, due by {@code dueOn}. */
    public record DueAssessment(long agreementId, long partnerId, int year, LocalDate dueOn) {
    }

    /**
     * {@code IOP_FIDELITY_DUE_DAY} ({@code iop.fidelity.dueDay}): the month and day, as {@code MM-DD}, of the year
     * after the assessed one by which a self-assessment is to be handed in; one not of that form is logged and the
     * default (31 January) used.
     */
    public static MonthDay dueDay() {
        Optional<String> configured = Settings.text("iop.fidelity.dueDay", "IOP_FIDELITY_DUE_DAY");
        if (configured.isEmpty()) {
            return DEFAULT_DUE_DAY;
        }
        try {
            return MonthDay.parse("--" + configured.get().strip());
        } catch (DateTimeException e) {
            LOG.warning(() -> "IOP_FIDELITY_DUE_DAY is not MM-DD: " + configured.get() + "; 31 January is used");
            return DEFAULT_DUE_DAY;
        }
    }

    /** The day the self-assessment of {@code year} is due. */
    public static LocalDate dueOn(int year, MonthDay dueDay) {
        return dueDay.atYear(year + 1);
    }

    /** The self-assessments of the agreement not yet handed in, by partner and year, oldest first. */
    public static List<DueAssessment> due(Agreement agreement, List<FidelityAssessment> assessments, LocalDate today,
                                          MonthDay dueDay) {
        List<DueAssessment> due = new ArrayList<>();
        LocalDate start = agreement.period().start();
        if (!agreement.hasBeenInForce() || start == null) {
            return due;
        }
        long agreementId = agreement.id() == null ? 0 : agreement.id();
        LocalDate end = earliest(agreement.period().end(), agreement.closedOn());
        for (int year = Math.max(start.getYear(), FidelityAssessment.FIRST_YEAR); year < today.getYear()
                && (end == null || year <= end.getYear()); year++) {
            int y = year;
            FidelityAssessment begun = assessments.stream().filter(a -> a.year() == y).findFirst().orElse(null);
            if (begun != null && begun.status().handedIn()) {
                continue;
            }
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            List<Organisation> partners = new ArrayList<>();
            for (AgreementParty p : agreement.parties()) {
                Organisation o = p.organisation();
                if (p.role() == PartyRole.NON_PROFIT_PARTNER && p.partDuring(first, last)
                        && (begun == null || same(o, begun.partner())) && partners.stream().noneMatch(x -> same(x, o))) {
                    partners.add(o);
                    due.add(new DueAssessment(agreementId, o.id() == null ? 0 : o.id(), year, dueOn(year, dueDay)));
                }
            }
        }
        return due;
    }

    private static boolean same(Organisation a, Organisation b) {
        return a == b || (a.id() != null && a.id().equals(b.id()));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
