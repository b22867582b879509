package se.iop.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Error texts of the domain, Swedish by default, English where asked. */
public final class Messages {

    private static final String BUNDLE = "se.iop.common.errors";

    private Messages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(key), locale).format(shown(locale, args));
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Amounts in the message's language, written as {@link Amount} reads them back. */
    private static Object[] shown(Locale locale, Object[] args) {
        if (args == null) {
            return new Object[0];
        }
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Amount amount) {
                shown[i] = amount.display(locale);
            }
        }
        return shown;
    }
}
