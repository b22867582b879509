package se.iop.partner.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import se.iop.common.InvalidInput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganisationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"212000-0308", "2120000308", "16212000-0308", "162120000308", "212000 0308",
            "  212000-0308 "})
    void acceptsNyköpingsKommunInEveryWrittenForm(String input) {
        assertEquals("212000-0308", OrganisationNumber.of(input).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"802003-5120", "802011-4974", "556036-4712", "556712-3459", "212000-0316"})
    void acceptsOtherValidNumbers(String input) {
        assertEquals(input, OrganisationNumber.of(input).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"212000-0309", "2120000300", "162120000307", "802003-5121", "556036-4713"})
    void refusesAWrongCheckDigit(String input) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> OrganisationNumber.of(input));
        assertEquals("organisationNumber", e.field());
        assertEquals("error.organisationNumber.checkDigit", e.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"21200-0308", "212000-03080", "212000030", "21200003081", "abcdef-ghij", "212000-03O8",
            "172120000308", "192120000308", "1621200003081", "2120-000308", "21-20-00-03-08", "212000--0308",
            "212000_0308", "+212000-0308", "١٢٠٠٠٠٣٠٨٢"})
    void refusesWhatIsNotAnOrganisationNumber(String input) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> OrganisationNumber.of(input));
        assertEquals("organisationNumber", e.field());
        assertEquals("error.organisationNumber.format", e.key());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void requiresANumber(String input) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> OrganisationNumber.of(input));
        assertEquals("organisationNumber", e.field());
        assertEquals("error.required", e.key());
    }

    @Test
    void theSameNumberWrittenDifferentlyIsEqual() {
        assertEquals(OrganisationNumber.of("2120000308"), OrganisationNumber.of("16212000-0308"));
        assertEquals(OrganisationNumber.of("2120000308").hashCode(), OrganisationNumber.of("212000-0308").hashCode());
        assertFalse(OrganisationNumber.of("212000-0308").equals(OrganisationNumber.of("212000-0316")));
    }

    @Test
    void luhnCheckDigit() {
        assertTrue(OrganisationNumber.luhnValid("2120000308"));
        assertFalse(OrganisationNumber.luhnValid("2120000318"));
    }
}
