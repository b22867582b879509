package se.iop.web;

/** Ids from request parameters: anything that is not a number names nothing. */
public final class Ids {

    private Ids() {
    }

    public static Long parse(String param) {
        try {
            return param == null || param.isBlank() ? null : Long.valueOf(param.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
