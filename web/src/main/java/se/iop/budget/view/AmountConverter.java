package se.iop.budget.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import se.iop.web.Ui;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount in kronor as people type it: "12 500,50", "12500.50", "1 700 000 kr". Nothing is rounded:
 * an amount with three decimals reaches the domain, which refuses it naming the field, so the rule
 * and its message live in one place.
 */
@FacesConverter(value = "budget.amount", managed = true)
public class AmountConverter implements Converter<BigDecimal> {

    private static final Pattern PLAIN = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final Pattern POINT_GROUPS = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern COMMA_GROUPS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    @Inject
    private Ui ui;

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal amount = parse(value);
        if (amount == null) {
            Object label = component.getAttributes().get("label");
            String why = ui.text("budget.amount.invalid");
            String text = label == null ? why : label + ": " + why;
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        return amount;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return format(value, ui.locale());
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

    /** For putting a stored amount back into a field: no grouping, the decimal sign of the language. */
    static String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = value.toPlainString();
        return "sv".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }
}
