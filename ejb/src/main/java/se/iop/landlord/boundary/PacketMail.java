package se.iop.landlord.boundary;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import se.iop.landlord.entity.SupportContact;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The e-mail that carries a packet version to one contact: a short letter in Swedish (and English
 * where the version has it) with the personal portal link, and the PDF attached.
 */
final class PacketMail {

    static final String PORTAL_PAGE = "portal/packet.xhtml?token=";

    private PacketMail() {
    }

    static String subject(PacketDocument d) {
        return d.title() + " (version " + d.number() + ")";
    }

    static URI link(URI publicUrl, String token) {
        return publicUrl.resolve(PORTAL_PAGE + token);
    }

    static String text(PacketDocument d, String contactName, String landlordName, URI link) {
        StringBuilder t = new StringBuilder();
        t.append("Hej ").append(contactName).append(",\n\n")
                .append("Här kommer version ").append(d.number()).append(" av informationen \"").append(d.title())
                .append("\" till ").append(landlordName).append(", om ").append(d.agreementTitle()).append(".\n\n")
                .append("Läs den i hyresvärdsportalen och bekräfta där att ni har tagit del av den:\n")
                .append(link).append("\n\n")
                .append("Informationen finns också som PDF i bilagan.\n");
        if (!d.supportContacts().isEmpty()) {
            t.append("\nFrågor eller något som har hänt? Kontakta:\n");
            for (SupportContact c : d.supportContacts()) {
                t.append("- ").append(c.organisationName()).append(": ").append(c.name());
                if (c.phone() != null) {
                    t.append(", ").append(c.phone());
                }
                if (c.email() != null) {
                    t.append(", ").append(c.email());
                }
                t.append('\n');
            }
        }
        t.append("\nMed vänliga hälsningar\nBostad först\n");
        if (d.hasEnglish()) {
            t.append("\n---\n\n").append("Hello ").append(contactName).append(",\n\n")
                    .append("Here is version ").append(d.number()).append(" of \"").append(d.titleEn())
                    .append("\" for ").append(landlordName).append(". Read it in the landlord portal and ")
                    .append("acknowledge it there:\n").append(link).append("\n\nThe PDF is attached.\n");
        }
        return t.toString();
    }

    static MimeMessage compose(Session session, PacketDocument d, String to, String contactName, String landlordName,
                               URI link, byte[] pdf) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom();
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject(d), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        MimeBodyPart letter = new MimeBodyPart();
        letter.setText(text(d, contactName, landlordName, link), StandardCharsets.UTF_8.name());
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(d.fileName());
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        m.setContent(new MimeMultipart(letter, attachment));
        return m;
    }
}
