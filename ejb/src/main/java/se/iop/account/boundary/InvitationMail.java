package se.iop.account.boundary;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import se.iop.account.entity.Role;
import se.iop.common.Days;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The e-mail that carries an invitation: a short letter in Swedish, then in English, with the link that
 * signs the person in the first time, until when it works and whom to ask.
 */
final class InvitationMail {

    static final String PAGE = "invitation.xhtml?token=";
    static final String SUBJECT = "Inbjudan till IOP – Bostad först";
    private static final DateTimeFormatter SWEDISH = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH.mm",
            Locale.forLanguageTag("sv")).withZone(Days.SWEDEN);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm",
            Locale.ENGLISH).withZone(Days.SWEDEN);

    private InvitationMail() {
    }

    static URI link(URI publicUrl, String secret) {
        return publicUrl.resolve(PAGE + secret);
    }

    static String text(InvitationPreview p, URI link, String support) {
        String organisation = p.organisationName() == null ? "" : " för " + p.organisationName();
        String organisationEn = p.organisationName() == null ? "" : " for " + p.organisationName();
        return "Hej " + p.displayName() + ",\n\n"
                + p.invitedBy() + " har bjudit in dig till IOP – Bostad först som " + swedish(p.roles()) + organisation + ".\n\n"
                + "Öppna länken och logga in, med e-legitimation eller din organisations inloggning:\n"
                + link + "\n\n"
                + "Länken fungerar en gång och gäller till " + SWEDISH.format(p.expiresAt()) + " (svensk tid). "
                + "Därefter loggar du in från inloggningssidan med samma inloggning.\n\n"
                + "Har länken slutat gälla, eller har du frågor? Kontakta " + support + ".\n\n"
                + "Med vänliga hälsningar\nIOP – Bostad först\n"
                + "\n---\n\n"
                + "Hello " + p.displayName() + ",\n\n"
                + p.invitedBy() + " has invited you to IOP – Bostad först as " + english(p.roles()) + organisationEn + ". "
                + "Open the link above and sign in, with an e-ID or your organisation's sign-in. It works once, until "
                + ENGLISH.format(p.expiresAt()) + " (Swedish time). Questions? Contact " + support + ".\n";
    }

    static MimeMessage compose(Session session, String to, InvitationPreview p, URI link, String support)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom();
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(SUBJECT, StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        m.setText(text(p, link, support), StandardCharsets.UTF_8.name());
        return m;
    }

    private static String swedish(List<Role> roles) {
        return roles.stream().map(r -> switch (r) {
            case ADMIN -> "administratör";
            case FINANCE -> "ekonom";
            case PARTNER -> "partner";
            case LANDLORD -> "hyresvärd";
            case AUDITOR -> "granskare";
        }).collect(Collectors.joining(" och "));
    }

    private static String english(List<Role> roles) {
        return roles.stream().map(r -> switch (r) {
            case ADMIN -> "administrator";
            case FINANCE -> "finance officer";
            case PARTNER -> "partner";
            case LANDLORD -> "landlord";
            case AUDITOR -> "auditor";
        }).collect(Collectors.joining(" and "));
    }
}
