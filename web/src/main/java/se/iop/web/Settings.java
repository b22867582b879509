package se.iop.web;

/** Settings of the web tier, read from a system property or else an environment variable. */
final class Settings {

    private Settings() {
    }

    /** The setting as a whole number, at least {@code min}; the fallback when unset or not a number. */
    static long number(String property, String env, long fallback, long min) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
