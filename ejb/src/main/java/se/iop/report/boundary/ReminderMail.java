package se.iop.report.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import se.iop.report.entity.ReminderKind;
import se.iop.report.entity.ReminderStage;
import se.iop.report.entity.ReportPeriod;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;

/**
 * The reminder a partner user gets: in Swedish, then in English (accounts keep no language of their own), naming what
 * is due (the activity report of a quarter, or the fidelity self-assessment of a year), the agreement and the last day,
 * with a link to where it is written.
 */
final class ReminderMail {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private ReminderMail() {
    }

    /** "Verksamhetsrapporten för Kvartal 1 2025" / "The activity report for Q1 2025", and the like for a year's assessment. */
    private static String what(ReminderKind kind, String period, Locale locale) {
        boolean sv = locale.equals(SWEDISH);
        if (kind == ReminderKind.FIDELITY) {
            return sv ? "Självskattningen av programtrohet för " + period : "The fidelity self-assessment for " + period;
        }
        String label = ReportPeriod.parse(period).label(locale);
        return sv ? "Verksamhetsrapporten för " + label : "The activity report for " + label;
    }

    static String subject(ReminderKind kind, ReminderStage stage, String agreementTitle, String period) {
        String label = kind == ReminderKind.FIDELITY ? period : ReportPeriod.parse(period).label(SWEDISH);
        String thing = kind == ReminderKind.FIDELITY ? "självskattning av programtrohet" : "verksamhetsrapport";
        return (stage == ReminderStage.LATE ? "Försenad " + thing + ": " : "Påminnelse om " + thing + ": ")
                + label + ", " + agreementTitle;
    }

    static String text(ReminderKind kind, ReminderStage stage, String name, String agreementTitle, String partnerName,
                       String period, LocalDate dueOn, URI link) {
        StringBuilder t = new StringBuilder("Hej ").append(name).append(",\n\n")
                .append(what(kind, period, SWEDISH)).append(" från ").append(partnerName).append(" om \"")
                .append(agreementTitle).append('"');
        if (stage == ReminderStage.LATE) {
            t.append(" skulle ha lämnats in senast ").append(dueOn)
                    .append(" och har inte kommit in. Lämna in den så snart som möjligt:\n");
        } else {
            t.append(" ska lämnas in senast ").append(dueOn).append(":\n");
        }
        t.append(link).append("\n\nMed vänliga hälsningar\nBostad först\n\n---\n\nHello ").append(name).append(",\n\n")
                .append(what(kind, period, Locale.ENGLISH)).append(" on \"").append(agreementTitle).append('"');
        if (stage == ReminderStage.LATE) {
            t.append(" was due on ").append(dueOn).append(" and has not been submitted. Please submit it as soon as possible:\n");
        } else {
            t.append(" is due on ").append(dueOn).append(":\n");
        }
        return t.append(link).append('\n').toString();
    }

    static MimeMessage compose(Session session, String to, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom();
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        m.setText(text, StandardCharsets.UTF_8.name());
        return m;
    }
}
