package se.iop.archive.control;

import java.text.Normalizer;

/** Names the archive package gives: the program, and safe file names. */
public final class ArchiveNames {

    public static final String PROGRAM = "IOP Bostad först";

    private ArchiveNames() {
    }

    /**
     * A name made safe for a path inside the package: letters, digits, dot, dash and underscore only (accents
     * taken off, anything else a dash), never empty, never starting with a dot, at most 80 characters — so a
     * file name a partner gave cannot climb out of its folder ("../") nor trip an unpacking tool.
     */
    public static String safe(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "").replaceAll("-+$", "");
        if (safe.length() > 80) {
            int dot = safe.lastIndexOf('.');
            String ext = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, 80 - ext.length()) + ext;
        }
        return safe.isEmpty() ? "fil" : safe;
    }
}
