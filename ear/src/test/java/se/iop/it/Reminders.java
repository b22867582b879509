package se.iop.it;

import jakarta.json.Json;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** The account's reminders of this kind ({@code REPORT}, {@code FIDELITY}) about the agreement, as "period stage". */
    public static Set<String> rows(String kind, long agreementId, long account) {
        Set<String> rows = new HashSet<>();
        for (Object r : Rows.values("select period || ' ' || stage from report_reminder where kind = ?"
                + " and agreement_id = ? and account_id = ?", kind, agreementId, account)) {
            rows.add((String) r);
        }
        return rows;
    }

    public static long count(String sql, Object... params) {
        return ((Number) Rows.value(sql, params)).longValue();
    }
}
