package se.iop.it;

import jakarta.json.Json;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the reminder tests ({@code ReminderIT}, {@code FidelityReminderIT}) share: partners of their own, users with an
 * address who leave when the test is done, the mails about an agreement and the reminder rows of one kind.
 */
public final class Reminders {

    private final List<Long> accounts = new ArrayList<>();

    /** A new non-profit of its own, so that no other test's agreements bring its users reminders. */
    public static String organisation(String name) {
        Fixtures.created(Api.admin().post("api/organisations", Json.createObjectBuilder().add("name", name)
                .add("organisationNumber", Fixtures.organisationNumber()).add("kind", "NON_PROFIT").build().toString()));
        return name;
    }

    /** A partner user of the organisation with this e-mail address, who leaves at {@link #leave}. */
    public long partnerWithEmail(String organisation, String email) {
        long account = ItAccounts.create("PARTNER", Fixtures.organisationId(organisation));
        Rows.update("update account set email = ? where id = ?", email, account);
        leavesAtTheEnd(account);
        return account;
    }

    /** Another account of the test that leaves at {@link #leave}. */
    public void leavesAtTheEnd(long account) {
        accounts.add(account);
    }

    /** Users with an address would be reminded of the test's agreement for ever: they leave when it is done. */
    public void leave() {
        for (long account : accounts) {
            Rows.update("update account set active = false where id = ?", account);
        }
    }

    /** The mails to the address about the agreement with this title whose subject names {@code kind}. */
    public static List<MimeMessage> about(String email, String title, String kind) {
        return Smtp.to(email).stream().filter(m -> {
            try {
                return m.getSubject().contains(title) && m.getSubject().contains(kind);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /**
     * Waits until {@code sent} of the account's reminders of this kind about the agreement went out and none awaits its
     * worker; then takes away those about {@code handedIn} (a period or year handed in before the account had an
     * address). A tick of the job that read the reports before that one came in may have made a reminder about it once
     * the account existed: such a one is cancelled at its claim and never mailed (each test shows it for one it makes by
     * hand); taking it away lets the test count from none.
     */
    public static void settle(String kind, long agreementId, long account, int sent, String handedIn, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        String of = " from report_reminder where kind = ? and agreement_id = ? and account_id = ?";
        while (System.nanoTime() < end && (Rows.count("select count(*)" + of + " and status = 'SENT'", kind, agreementId,
                account) < sent || Rows.count("select count(*)" + of + " and status = 'QUEUED'", kind, agreementId, account) > 0)) {
            Smtp.sleep(200);
        }
        assertEquals(0L, Rows.count("select count(*)" + of + " and period = ? and status <> 'CANCELLED'", kind, agreementId,
                account, handedIn), "nothing about " + handedIn + ", handed in, was sent or awaits sending");
        Rows.update("delete" + of + " and period = ?", kind, agreementId, account, handedIn);
    }

    /** The account's reminders of this kind ({@code REPORT}, {@code FIDELITY}) about the agreement, as "period stage". */
    public static Set<String> rows(String kind, long agreementId, long account) {
        Set<String> rows = new HashSet<>();
        for (Object r : Rows.values("select period || ' ' || stage from report_reminder where kind = ?"
                + " and agreement_id = ? and account_id = ?", kind, agreementId, account)) {
            rows.add((String) r);
        }
        return rows;
    }
}
