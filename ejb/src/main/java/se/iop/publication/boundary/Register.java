package se.iop.publication.boundary;

import se.iop.report.boundary.OutcomeSummary.QuarterPoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The public IOP register of the municipality this installation serves: the partnerships in force and
 * ended, their parties, periods, decided amounts and committee decisions, and the outcomes over time with
 * small counts hidden. Holds only what is public: no narrative, no contact, no landlord, no decision text.
 * The member names are the JSON field names, documented in the README and kept stable.
 */
public record Register(String municipality, LocalDate asOf, List<Partnership> partnerships, List<QuarterPoint> outcomes) {

    /** Public states: ACTIVE is in force; ENDED at its term; TERMINATED early. */
    public enum State {
        IN_FORCE, ENDED, TERMINATED;

        public boolean ended() {
            return this != IN_FORCE;
        }
    }

    /** One partnership (agreement); {@code reference} is the agreement's diarienummer. */
    public record Partnership(long id, String reference, String title, State status, LocalDate startDate,
                              LocalDate endDate, LocalDate closedOn, BigDecimal decidedAmount,
                              List<Party> parties, List<Decision> decisions) {
    }

    /** An organisation party to the partnership, in a role (PUBLIC_PARTNER, NON_PROFIT_PARTNER, ASSOCIATED). */
    public record Party(String organisation, String role, LocalDate joinedOn, LocalDate leftOn) {
    }

    /**
     * A committee decision behind the partnership. {@code registrationNumber} is for now the decision's own
     * diarienummer as the administrator typed it (PublicRegister#decision).
     */
    public record Decision(String committee, LocalDate meetingDate, String paragraph, String registrationNumber,
                           BigDecimal amount) {
    }
}
