package se.iop.report.entity;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hssf.extractor.ExcelExtractor;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import se.iop.common.IdentityNumbers;
import se.iop.common.InvalidInput;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The text an attached document holds, read so that a report's documents, like its texts, carry no
 * personal identity number. PDF: the page text, form fields, comments and document properties.
 * Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods): every XML part of the package, so
 * headers, footers, footnotes, comments, tracked changes, cell values, sheet names and document
 * properties too. Old Excel (xls) through POI; plain text as UTF-8, UTF-16 with a byte order mark or
 * Windows-1252. Not read: old Word (doc), and text inside pictures or embedded objects.
 */
public final class DocumentText {

    /** Past this much unpacked XML a package is taken for a zip bomb rather than a report's document. */
    static final long MAX_UNPACKED = 64L * 1024 * 1024;
    /** Past this much text (a book's worth, ten times over) a document is not a report's either. */
    static final int MAX_TEXT = 16 * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /*
     * Elements whose end separates text (paragraphs, headings, cells, rows, line breaks, tabs,
     * values); inside them runs of text are joined as they are, since Word splits a number over runs.
     */
    private static final Set<String> BREAKS = Set.of("p", "h", "tc", "tr", "tbl", "c", "v", "f", "si", "is", "row",
            "pt", "br", "cr", "tab", "table-cell", "table-row", "list-item", "comment", "footnote", "endnote",
            "annotation", "note", "txbxContent", "sheet", "title", "subject", "creator", "description", "keywords",
            "lastModifiedBy", "category", "Company", "Manager", "initial-creator", "user-defined");

    private DocumentText() {
    }

    /** Refuses a document that holds a personal identity number, or that cannot be read to find out. */
    public static void refuseIdentityNumbers(FileType type, byte[] bytes) {
        if (!type.scanned()) {
            return;
        }
        if (IdentityNumbers.contains(of(type, bytes))) {
            throw new InvalidInput("file", "error.attachment.identityNumber");
        }
    }

    /** The document's text; refused naming the field {@code file} when it cannot be read. */
    static String of(FileType type, byte[] bytes) {
        try {
            return switch (type) {
                case PDF -> pdf(bytes);
                case DOCX, XLSX, PPTX, ODT, ODS -> xmlPackage(bytes);
                case XLS -> xls(bytes);
                case TXT -> plain(bytes);
                case DOC -> "";
            };
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // Damaged, encrypted or not what its signature claims: what cannot be read cannot be checked.
            throw new InvalidInput("file", "error.attachment.unreadable", type.extension());
        }
    }

    private static String pdf(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            StringBuilder text = new StringBuilder(new PDFTextStripper().getText(document));
            PDDocumentInformation info = document.getDocumentInformation();
            for (String value : new String[] {info.getTitle(), info.getAuthor(), info.getSubject(), info.getKeywords()}) {
                line(text, value);
            }
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            if (form != null) {
                for (PDField field : form.getFieldTree()) {
                    line(text, field.getValueAsString());
                }
            }
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    line(text, annotation.getContents());
                }
            }
            return text.toString();
        }
    }

    private static void line(StringBuilder text, String value) {
        if (value != null && !value.isBlank()) {
            text.append('\n').append(value);
        }
    }

    /** Every XML part of a zip package, text joined within paragraphs and cells, separated between them. */
    private static String xmlPackage(byte[] bytes) throws IOException, XMLStreamException {
        StringBuilder text = new StringBuilder();
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        long[] unpacked = {0};
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("too many entries");
                }
                String name = entry.getName();
                if (!entry.isDirectory() && (name.endsWith(".xml") || name.endsWith(".rels"))) {
                    xml(factory.createXMLStreamReader(new Limited(zip, unpacked)), text);
                    text.append('\n');
                    if (text.length() > MAX_TEXT) {
                        throw new IOException("more than " + MAX_TEXT + " characters of text");
                    }
                }
            }
        }
        if (entries == 0) {
            throw new IOException("not a zip package");
        }
        return text.toString();
    }

    private static void xml(XMLStreamReader reader, StringBuilder text) throws XMLStreamException, IOException {
        try {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        // Layout white space between elements says nothing; one space of it is enough.
                        boolean blank = reader.isWhiteSpace();
                        if (!blank || (!text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1)))) {
                            text.append(blank ? " " : reader.getText());
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if ("s".equals(reader.getLocalName())) {
                            text.append(' '); // OpenDocument writes runs of spaces as <text:s/>
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if ("v".equals(reader.getLocalName())) {
                            plainNumber(text);
                        }
                        if (BREAKS.contains(reader.getLocalName())) {
                            text.append('\n');
                        }
                        if (text.length() > MAX_TEXT) {
                            throw new IOException("more than " + MAX_TEXT + " characters of text");
                        }
                    }
                    default -> {
                    }
                }
            }
        } finally {
            reader.close();
        }
    }

    private static final Pattern SCIENTIFIC = Pattern.compile("(?<![\\d.])(\\d\\.\\d+E\\d+)$");

    /**
     * A spreadsheet's cell value written as 8.112189876E9 (as some programs store large numbers) is
     * written out in full, so that a number typed into a cell is found like one typed as text.
     */
    private static void plainNumber(StringBuilder text) {
        Matcher m = SCIENTIFIC.matcher(text.subSequence(Math.max(0, text.length() - 40), text.length()));
        if (m.find()) {
            String plain = new BigDecimal(m.group(1)).stripTrailingZeros().toPlainString();
            text.replace(text.length() - m.group(1).length(), text.length(), plain);
        }
    }

    private static String xls(byte[] bytes) throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(new ByteArrayInputStream(bytes));
             ExcelExtractor extractor = new ExcelExtractor(book)) {
            extractor.setIncludeSheetNames(true);
            extractor.setIncludeCellComments(true);
            extractor.setIncludeHeadersFooters(true);
            extractor.setFormulasNotResults(false);
            return extractor.getText();
        }
    }

    /** UTF-16 when a byte order mark says so, else UTF-8 when it decodes as such, else Windows-1252. */
    static String plain(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** Counts what a package's entries unpack to, across the whole package, and stops at the limit. */
    private static final class Limited extends FilterInputStream {

        private final long[] total;

        Limited(InputStream in, long[] total) {
            super(in);
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            total[0] += n;
            if (total[0] > MAX_UNPACKED) {
                throw new IOException("unpacks to more than " + MAX_UNPACKED + " bytes");
            }
        }

        @Override
        public void close() {
            // The zip stream stays open for the next entry.
        }
    }
}
