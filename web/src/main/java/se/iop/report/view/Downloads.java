package se.iop.report.view;

import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;

/** Bytes made on the server, handed to the browser as a file to save (p:fileDownload). */
public final class Downloads {

    private Downloads() {
    }

    public static StreamedContent of(byte[] bytes, String contentType, String filename) {
        return DefaultStreamedContent.builder().name(filename).contentType(contentType).contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** A file's size in whole kilobytes, at least 1. */
    public static String size(long bytes, se.iop.web.Ui ui) {
        return ui.text("followup.attachment.size", Math.max(1, (bytes + 512) / 1024));
    }
}
