package se.iop.report.entity;

import se.iop.common.InvalidInput;
import se.iop.common.Text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The documents a report may carry: PDF, office documents and plain text. A file is taken only when its
 * name's extension, the content type it was sent with and its first bytes (the format's signature)
 * agree, so a renamed program or web page is refused whatever it calls itself. The text of every type
 * but old Word documents is read and refused when it holds a personal identity number (see
 * {@link DocumentText}).
 */
public enum FileType {
    PDF("pdf", Set.of("application/pdf"), Signature.PDF, null, true),
    DOCX("docx", Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), Signature.ZIP, "word/", true),
    XLSX("xlsx", Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Signature.ZIP, "xl/", true),
    PPTX("pptx", Set.of("application/vnd.openxmlformats-officedocument.presentationml.presentation"), Signature.ZIP, "ppt/", true),
    ODT("odt", Set.of("application/vnd.oasis.opendocument.text"), Signature.ZIP, "application/vnd.oasis.opendocument.text", true),
    ODS("ods", Set.of("application/vnd.oasis.opendocument.spreadsheet"), Signature.ZIP, "application/vnd.oasis.opendocument.spreadsheet", true),
    DOC("doc", Set.of("application/msword"), Signature.OLE, null, false),
    XLS("xls", Set.of("application/vnd.ms-excel"), Signature.OLE, null, true),
    TXT("txt", Set.of("text/plain"), Signature.TEXT, null, true);

    /** At most 5 MB per file. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_NAME = 200;

    private final String extension;
    private final Set<String> contentTypes;
    private final Signature signature;
    /** For zip-based formats: text their package must hold (a folder name, or the ODF mimetype). */
    private final String marker;
    /** Whether its text is read for personal identity numbers. */
    private final boolean scanned;

    FileType(String extension, Set<String> contentTypes, Signature signature, String marker, boolean scanned) {
        this.extension = extension;
        this.contentTypes = contentTypes;
        this.signature = signature;
        this.marker = marker;
        this.scanned = scanned;
    }

    /** The type of an uploaded file, or refused naming the field {@code file}. */
    public static FileType check(String filename, String contentType, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput("file", "error.attachment.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput("file", "error.attachment.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        FileType type = byExtension(filename);
        String declared = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.contentTypes.contains(declared)) {
            throw new InvalidInput("file", "error.attachment.contentType", declared.isEmpty() ? "–" : declared, type.extension);
        }
        if (!type.signature.matches(bytes) || (type.marker != null && !holds(bytes, type.marker))) {
            throw new InvalidInput("file", "error.attachment.content", type.extension);
        }
        return type;
    }

    private static FileType byExtension(String filename) {
        int dot = filename == null ? -1 : filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extension.equals(ext)).findFirst()
                .orElseThrow(() -> new InvalidInput("file", "error.attachment.type"));
    }

    // File names in a zip's headers and an ODF's mimetype entry are stored as plain bytes.
    private static boolean holds(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The name as stored: without any folder part, and as every text people type (see {@link Text}). */
    public static String cleanName(String filename) {
        if (filename == null || filename.isBlank()) {
            throw new InvalidInput("file", "error.attachment.name");
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            throw new InvalidInput("file", "error.attachment.name");
        }
        return Text.required("file", name, MAX_NAME);
    }

    public String extension() {
        return extension;
    }

    public boolean scanned() {
        return scanned;
    }

    /** The one content type the file is served with. */
    public String contentType() {
        return contentTypes.iterator().next();
    }

    private enum Signature {
        PDF(new byte[] {'%', 'P', 'D', 'F', '-'}),
        ZIP(new byte[] {'P', 'K', 3, 4}),
        OLE(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}),
        /** Plain text has no signature: it is text when it reads as text, with no control character but white space. */
        TEXT(null);

        private final byte[] magic;

        Signature(byte[] magic) {
            this.magic = magic;
        }

        boolean matches(byte[] bytes) {
            if (magic == null) {
                return DocumentText.plain(bytes).chars()
                        .allMatch(c -> !Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r' || c == '\f');
            }
            return bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
        }
    }
}
