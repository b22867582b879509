package se.iop.landlord.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactNeedTest {

    private static final Landlord LANDLORD = Landlord.person("Karin Exempelsson", null);
    private static final Instant NOW = Instant.parse("2024-05-01T20:00:00Z");

    @Test
    void aNeedSaysWhatItIsAbout() {
        ContactNeed n = new ContactNeed(LANDLORD, NeedCategory.DISTURBANCE, " Grannar klagar på ljud nattetid. ",
                "hyresvard", NOW);
        assertEquals("Grannar klagar på ljud nattetid.", n.description());
        assertEquals("category", assertThrows(InvalidInput.class,
                () -> new ContactNeed(LANDLORD, null, "Text", "h", NOW)).field());
        assertEquals("description", assertThrows(InvalidInput.class,
                () -> new ContactNeed(LANDLORD, NeedCategory.OTHER, " ", "h", NOW)).field());
    }

    @Test
    void personalIdentityNumbersAreRefusedButOrganisationAndPhoneNumbersPass() {
        for (String text : List.of("Hyresgästen 19850315-1238 störs", "gäller 850315-1238", "850315 1238",
                "850315\u20131238", "pnr 198503151238", "samordningsnummer 701063-2391")) {
            InvalidInput e = assertThrows(InvalidInput.class,
                    () -> new ContactNeed(LANDLORD, NeedCategory.DISTURBANCE, text, "h", NOW), text);
            assertEquals("error.identityNumber", e.key());
            assertEquals("description", e.field());
        }
        for (String text : List.of("Ring 0155-24 80 00", "Nyköpingshem 556036-4712", "Lgh 1102, port 3",
                "070-123 45 67")) {
            new ContactNeed(LANDLORD, NeedCategory.OTHER, text, "h", NOW);
        }
    }

    @Test
    void handledOnce() {
        ContactNeed n = new ContactNeed(LANDLORD, NeedCategory.UNPAID_RENT, "Hyran för maj är inte betald.", "h", NOW);
        assertEquals("note", assertThrows(InvalidInput.class, () -> n.handle("handlaggare", "Hyresgästen 850315-1238", NOW)).field());
        n.handle("handlaggare", "Boendestödjaren har pratat med hyresgästen.", NOW.plusSeconds(3600));
        assertTrue(n.handled());
        assertEquals("handlaggare", n.handledBy());
        assertThrows(StateConflict.class, () -> n.handle("handlaggare", null, NOW));
    }
}
