package se.iop.report.entity;

import se.iop.common.StateConflict;

/**
 * A document taken in as an attachment, by the one rule every kind of attachment follows (a report's, a fidelity
 * self-assessment's): a clean file name, a type whose name, declared content type and first bytes agree, within the
 * size limit and the limit per document it is attached to, and no personal identity number in its text. The checks
 * run cheapest first, so a file refused for its type or count is never read through.
 */
public record IncomingFile(String filename, FileType type, byte[] bytes) {

    /** At most this many attachments on one document. */
    public static final int MAX_PER_DOCUMENT = 10;

    /** The file as sent, checked; {@code attached}: how many the document holds already. Refusals name {@code file}. */
    public static IncomingFile accept(String filename, String contentType, byte[] bytes, int attached) {
        String name = FileType.cleanName(filename);
        FileType type = FileType.check(name, contentType, bytes);
        if (attached >= MAX_PER_DOCUMENT) {
            throw new StateConflict("file", "error.attachment.tooMany", MAX_PER_DOCUMENT);
        }
        DocumentText.refuseIdentityNumbers(type, bytes);
        return new IncomingFile(name, type, bytes);
    }
}
