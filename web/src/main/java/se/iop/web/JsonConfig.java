package se.iop.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import se.iop.account.entity.Role;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.PartyRole;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.LineCategory;
import se.iop.landlord.entity.FlatStage;
import se.iop.landlord.entity.LandlordKind;
import se.iop.landlord.entity.NeedCategory;
import se.iop.partner.entity.OrganisationKind;

import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * JSON-B for the API, with Yasson's defaults except where they accept wrong input silently or refuse
 * it without saying where: an unknown enum name fails without the property's name, 1.5 is read as
 * the whole number 1 (and 1e30 overflows), and a number or {@code true} is taken as a text. These
 * deserializers refuse such values with a
 * {@link JsonbException}, which Yasson reports with the property's name, so the problem detail names it.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withDeserializers(
            new WholeLong(), new WholeInteger(), new AmountJson(), new Text(),
            new Names<OrganisationKind>(OrganisationKind.class) { }, new Names<PartyRole>(PartyRole.class) { },
            new Names<AgreementStatus>(AgreementStatus.class) { }, new Names<Role>(Role.class) { },
            new Names<LandlordKind>(LandlordKind.class) { }, new Names<NeedCategory>(NeedCategory.class) { },
            new Names<ContributionKind>(ContributionKind.class) { }, new Names<LineCategory>(LineCategory.class) { },
            new Names<FlatStage>(FlatStage.class) { }));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** An enum by its exact constant name. Subclassed per enum: Yasson picks a deserializer by its type argument. */
    static class Names<E extends Enum<E>> implements JsonbDeserializer<E> {
        private final Class<E> type;

        Names(Class<E> type) {
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value instanceof JsonString s) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(s.getString())) {
                        return constant;
                    }
                }
            }
            throw new JsonbException("Expected one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A text only from a JSON string: 12345 or true for a name is a client's mistake, not "12345". */
    static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value instanceof JsonString s) {
                return s.getString();
            }
            throw new JsonbException("Expected a text");
        }
    }

    static final class WholeLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            JsonNumber n = number(parser.getValue());
            try {
                return n == null ? null : n.bigDecimalValue().longValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("Expected a whole number");
            }
        }
    }

    static final class WholeInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            JsonNumber n = number(parser.getValue());
            try {
                return n == null ? null : n.bigDecimalValue().intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("Expected a whole number");
            }
        }
    }

    private static JsonNumber number(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n;
        }
        throw new JsonbException("Expected a number");
    }
}
