package se.iop.landlord.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandlordTest {

    private static final Organisation NYKOPINGSHEM = new Organisation("Nyköpingshem AB", OrganisationNumber.of("556036-4712"),
            OrganisationKind.HOUSING_COMPANY);

    @Test
    void aCompanyIsAHousingCompanyOfTheRegisterAndTakesItsNameAndNumber() {
        NYKOPINGSHEM.describeContactDetails("Exempelplan 3, Nyköping", null, null);
        Landlord l = Landlord.company(NYKOPINGSHEM);
        assertEquals(LandlordKind.COMPANY, l.kind());
        assertEquals("Nyköpingshem AB", l.name());
        assertEquals("556036-4712", l.organisationNumber());
        assertEquals("Exempelplan 3, Nyköping", l.address(), "the organisation's address when it has none of its own");
        l.describe("ignored for a company", "Uthyrningen, Storgatan 1");
        assertEquals("Nyköpingshem AB", l.name());
        assertEquals("Uthyrningen, Storgatan 1", l.address());
    }

    @Test
    void aNonProfitOrAMunicipalityIsNoLandlord() {
        Organisation ngo = new Organisation("Sörmlands Stadsmission", OrganisationNumber.of("802003-5120"),
                OrganisationKind.NON_PROFIT);
        InvalidInput e = assertThrows(InvalidInput.class, () -> Landlord.company(ngo));
        assertEquals("organisationId", e.field());
        assertEquals("error.landlord.needsHousingCompany", e.key());
        assertEquals("organisationId", assertThrows(InvalidInput.class, () -> Landlord.company(null)).field());
    }

    @Test
    void aPersonHasANameAndNoOrganisationNumber() {
        Landlord l = Landlord.person("  Karin Exempelsson ", "Backvägen 2");
        assertEquals("Karin Exempelsson", l.name());
        assertNull(l.organisationNumber());
        assertEquals("name", assertThrows(InvalidInput.class, () -> Landlord.person(" ", null)).field());
    }

    @Test
    void aContactIsReachedByEmailOrPhoneAndBothAreChecked() {
        Landlord l = Landlord.person("Karin Exempelsson", null);
        LandlordContact byMail = l.addContact("Karin", null, "karin@example.se", null);
        LandlordContact byPhone = l.addContact("Per", "Förvaltare", null, "0155-24 80 00");
        assertEquals(List.of(byMail), l.addressees(), "only contacts with e-mail can get a packet");

        InvalidInput none = assertThrows(InvalidInput.class, () -> l.addContact("Ingen", null, " ", null));
        assertEquals("error.landlord.contactNeedsAddress", none.key());
        for (String bad : List.of("karin", "karin@", "karin@example", "karin @example.se", "a@b.c", "a,b@example.se")) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> l.addContact("X", null, bad, null), bad);
            assertEquals("email", e.field(), bad);
            assertEquals("error.email", e.key(), bad);
        }
        for (String bad : List.of("12345", "0155-24 80 0x", "+46 (0)155 24 80 00 00 00 00", "--0155", "tel 0155")) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> l.addContact("X", null, null, bad), bad);
            assertEquals("phone", e.field(), bad);
        }
        l.addContact("Y", null, null, "+46 155 24 80 00");
        assertEquals(3, l.contacts().size(), "refused contacts are not added");

        byPhone.update("Per", "Förvaltare", "per@example.se", "0155-24 80 00");
        assertEquals(2, l.addressees().size());
        assertThrows(InvalidInput.class, () -> byPhone.update("Per", null, "fel", null));
        assertEquals("per@example.se", byPhone.email(), "a refused change changes nothing");
    }

    @Test
    void notesAreKeptNewestFirst() {
        LandlordContact c = Landlord.person("Karin", null).addContact("Karin", null, "karin@example.se", null);
        c.addNote("Ringde om lägenheten", "handlaggare", Instant.parse("2024-03-01T09:00:00Z"));
        c.addNote("Besök", "handlaggare", Instant.parse("2024-03-05T09:00:00Z"));
        assertEquals("Besök", c.notes().get(0).text());
        assertEquals("text", assertThrows(InvalidInput.class, () -> c.addNote("  ", "x", Instant.now())).field());
    }

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void anOfferedFlatHasAnAddressASizeAndRoomsButNoTenant() {
        Landlord l = Landlord.company(NYKOPINGSHEM);
        OfferedFlat f = l.offerFlat("Brunnsgatan 12 B", new BigDecimal("41.5"), 2, LocalDate.of(2024, 4, 1), DAY, "admin");
        assertEquals(new BigDecimal("41.5"), f.areaSqm());
        assertEquals(new BigDecimal("35.0"), l.offerFlat("Västra Storgatan 3", new BigDecimal("35"), 1, null, DAY, "admin").areaSqm());
        assertEquals("areaSqm", assertThrows(InvalidInput.class, () -> l.offerFlat("A", BigDecimal.ZERO, 1, null, DAY, "admin")).field());
        assertEquals("areaSqm", assertThrows(InvalidInput.class, () -> l.offerFlat("A", new BigDecimal("41.25"), 1, null, DAY, "admin")).field());
        assertEquals("areaSqm", assertThrows(InvalidInput.class, () -> l.offerFlat("A", new BigDecimal("1001"), 1, null, DAY, "admin")).field());
        assertEquals("rooms", assertThrows(InvalidInput.class, () -> l.offerFlat("A", BigDecimal.TEN, 0, null, DAY, "admin")).field());
        assertEquals("rooms", assertThrows(InvalidInput.class, () -> l.offerFlat("A", BigDecimal.TEN, null, null, DAY, "admin")).field());
        assertEquals("address", assertThrows(InvalidInput.class, () -> l.offerFlat(" ", BigDecimal.TEN, 1, null, DAY, "admin")).field());
        assertEquals(2, l.flats().size());
        l.withdrawFlat(f, DAY, "Hyresvärden behöver lägenheten", "admin", Instant.now());
        assertEquals(2, l.flats().size(), "a withdrawn flat stays, with its history");
        assertEquals(FlatStage.WITHDRAWN, f.stage());
        assertEquals(LocalDate.of(2024, 4, 1), f.stageOn(), "not before the day it was offered on");

        l.deactivate();
        assertThrows(StateConflict.class, () -> l.offerFlat("B", BigDecimal.TEN, 1, null, DAY, "admin"));
        assertTrue(!l.active());
    }
}
