package se.iop.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import se.iop.common.Amount;
import se.iop.common.InvalidInput;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Decimals in the API: a JSON number as it is (its point is never ambiguous), a string by the rules
 * every page reads amounts with, so "12,000" is refused here as it is there. A refusal travels inside a
 * {@link JsonbException}, which Yasson reports with the property's name; {@link ProblemMapper} answers
 * with the refusal's own message.
 */
public class AmountJson implements JsonbDeserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
        JsonValue value = parser.getValue();
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (value instanceof JsonString s) {
            try {
                return Amount.read(null, s.getString());
            } catch (InvalidInput refused) {
                throw new JsonbException(refused.getMessage(), refused);
            }
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        throw new JsonbException("Expected an amount, as a number or a string");
    }
}
