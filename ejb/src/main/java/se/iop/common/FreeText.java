package se.iop.common;

/**
 * Free text in follow-up (milestones, reports, review comments): the checks of {@link Text}, and never
 * a personal identity number, since these texts are shared beyond the people they are about.
 */
public final class FreeText {

    private FreeText() {
    }

    public static String required(String field, String value, int max) {
        return IdentityNumbers.refuse(field, Text.required(field, value, max));
    }

    public static String optional(String field, String value, int max) {
        return IdentityNumbers.refuse(field, Text.optional(field, value, max));
    }
}
