package se.iop.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import se.iop.common.Amount;
import se.iop.common.InvalidInput;

import java.math.BigDecimal;

/**
 * Every amount field of the pages: reads what was typed by {@link Amount}'s rules and puts a value back
 * in the form they read again, in the page's language. A refusal ("12,000" is ambiguous, a third
 * decimal) is shown as "Label: why", and the field keeps what was typed.
 */
@FacesConverter("amount")
public class AmountConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        try {
            return Amount.read(component.getId(), value);
        } catch (InvalidInput refused) {
            Object label = component.getAttributes().get("label");
            String why = refused.message(context.getViewRoot().getLocale());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    label == null ? why : label + ": " + why, null));
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return Amount.format(value, context.getViewRoot().getLocale());
    }
}
