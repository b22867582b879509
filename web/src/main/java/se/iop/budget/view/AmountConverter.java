package se.iop.budget.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount in kronor as people type it: "12 500,50", "12500.50", "1 700 000 kr". Nothing is rounded:
 * an amount with three decimals reaches the domain, which refuses it naming the field, so the rule
 * and its message live in one place.
 */
@FacesConverter("budget.amount")
public class AmountConverter implements Converter<BigDecimal> {

    private static final Pattern PLAIN = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final Pattern POINT_GROUPS = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern COMMA_GROUPS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal amount = parse(value);
        if (amount == null) {
            Object label = component.getAttributes().get("label");
            String why = context.getApplication().getResourceBundle(context, "msg").getString("budget.amount.invalid");
            String text = label == null ? why : label + ": " + why;
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        return amount;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return format(value, context.getViewRoot().getLocale());
    }

    /**
     * The amount typed, or null when it is no number. Spaces group digits; a lone comma or point is the
     * decimal sign; points grouping thousands go with a decimal comma (1.700.000,50) and commas grouping
     * thousands with a decimal point (1,700,000.50).
     */
    static BigDecimal parse(String typed) {
        String s = typed.strip().replaceAll("(?i)\\s*(kr|sek)\\.?$", "").replaceAll("[\\s\\u00a0\\u202f]", "");
        String plain;
        if (PLAIN.matcher(s).matches()) {
            plain = s.replace(',', '.');
        } else if (POINT_GROUPS.matcher(s).matches()) {
            plain = s.replace(".", "").replace(',', '.');
        } else if (COMMA_GROUPS.matcher(s).matches()) {
            plain = s.replace(",", "");
        } else {
            return null;
        }
        return new BigDecimal(plain);
    }

    /**
     * For putting an amount back into a field as people write it: "1 050 000,50" in Swedish (plain
     * spaces, which the field reads back), "1050000.50" in English, where a lone comma would read as a
     * decimal sign. Every decimal is kept.
     */
    static String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = value.abs().toPlainString();
        if (!"sv".equals(locale.getLanguage())) {
            return value.toPlainString();
        }
        int point = plain.indexOf('.');
        String digits = point < 0 ? plain : plain.substring(0, point);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        if (point >= 0) {
            grouped.append(',').append(plain.substring(point + 1));
        }
        return (value.signum() < 0 ? "-" : "") + grouped;
    }
}
