package se.iop.report.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import se.iop.report.entity.ReminderStage;
import se.iop.report.entity.ReportPeriod;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;

/**
 * The reminder a partner user gets: in Swedish, then in English (accounts keep no language of their own), naming the
 * agreement, the period and the last day, with a link to the reports page.
 */
final class ReminderMail {

    private ReminderMail() {
    }

    static String subject(ReminderStage stage, String agreementTitle, ReportPeriod period) {
        String label = period.label(Locale.forLanguageTag("sv"));
        return (stage == ReminderStage.LATE ? "Försenad verksamhetsrapport: " : "Påminnelse om verksamhetsrapport: ")
                + label + ", " + agreementTitle;
    }

    static String text(ReminderStage stage, String name, String agreementTitle, String partnerName, ReportPeriod period,
                       LocalDate dueOn, URI link) {
        String sv = period.label(Locale.forLanguageTag("sv"));
        String en = period.label(Locale.ENGLISH);
        StringBuilder t = new StringBuilder("Hej ").append(name).append(",\n\n");
        if (stage == ReminderStage.LATE) {
            t.append("Verksamhetsrapporten för ").append(sv).append(" från ").append(partnerName).append(" om \"")
                    .append(agreementTitle).append("\" skulle ha lämnats in senast ").append(dueOn)
                    .append(" och har inte kommit in. Lämna in den så snart som möjligt:\n");
        } else {
            t.append("Verksamhetsrapporten för ").append(sv).append(" från ").append(partnerName).append(" om \"")
                    .append(agreementTitle).append("\" ska lämnas in senast ").append(dueOn).append(":\n");
        }
        t.append(link).append("\n\nMed vänliga hälsningar\nBostad först\n\n---\n\nHello ").append(name).append(",\n\n");
        if (stage == ReminderStage.LATE) {
            t.append("The activity report for ").append(en).append(" on \"").append(agreementTitle)
                    .append("\" was due on ").append(dueOn).append(" and has not been submitted. Please submit it as soon as possible:\n");
        } else {
            t.append("The activity report for ").append(en).append(" on \"").append(agreementTitle)
                    .append("\" is due on ").append(dueOn).append(":\n");
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
