package se.iop.landlord.boundary;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import se.iop.landlord.entity.VersionStatus;

import java.net.URI;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketMailTest {

    private static final URI PUBLIC = URI.create("https://iop.example.se/");

    @Test
    void theLinkIsPersonalAndPointsAtThePortal() {
        assertEquals(URI.create("https://iop.example.se/portal/packet.xhtml?token=abc_DEF-123"),
                PacketMail.link(PUBLIC, "abc_DEF-123"));
    }

    @Test
    void theLetterGreetsTheContactAndNamesWhomToCall() {
        PacketDocument d = PacketPdfTest.document(VersionStatus.PUBLISHED, true);
        URI link = PacketMail.link(PUBLIC, "tok");
        String text = PacketMail.text(d, "Karin", "Nyköpingshem AB", link);
        assertTrue(text.startsWith("Hej Karin,"), text);
        assertTrue(text.contains("version 2 av informationen \"Bostad först – information till hyresvärdar\" till Nyköpingshem AB"), text);
        assertTrue(text.contains(link.toString()), text);
        assertTrue(text.contains("- Sörmlands Stadsmission: Erik Exempel, 0155-00 00 03, erik.exempel@example.se"), text);
        assertTrue(text.contains("Hello Karin,"), "English follows where the version has it: " + text);
        assertEquals("Bostad först – information till hyresvärdar (version 2)", PacketMail.subject(d));
    }

    @Test
    void theMessageHasTheLetterAndThePdfAttached() throws Exception {
        Properties p = new Properties();
        p.put("mail.from", "bostadforst@example.se");
        PacketDocument d = PacketPdfTest.document(VersionStatus.PUBLISHED, false);
        byte[] pdf = PacketPdf.render(d);
        MimeMessage m = PacketMail.compose(Session.getInstance(p), d, "karin@example.se", "Karin", "Nyköpingshem AB",
                PacketMail.link(PUBLIC, "tok"), pdf);
        m.saveChanges();
        assertEquals("karin@example.se", m.getAllRecipients()[0].toString());
        assertEquals("bostadforst@example.se", m.getFrom()[0].toString());
        assertEquals(PacketMail.subject(d), m.getSubject());
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("Hej Karin,"));
        Part attachment = parts.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("informationspaket-3-v2.pdf", attachment.getFileName());
        assertTrue(attachment.getContentType().startsWith("application/pdf"), attachment.getContentType());
    }
}
