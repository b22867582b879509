package se.iop.archive.control;

/** Text for XML written by hand (the XMP packet). */
final class Xml {

    private Xml() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
