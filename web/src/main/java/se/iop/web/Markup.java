package se.iop.web;

/** Text put into HTML or XML written by hand (outside Faces, which escapes its own): one escaper for all of it. */
public final class Markup {

    private Markup() {
    }

    /** The text safe inside an element or a double-quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
