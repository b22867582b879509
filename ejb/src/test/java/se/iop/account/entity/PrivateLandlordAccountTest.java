package se.iop.account.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.iop.common.InvalidInput;
import se.iop.landlord.entity.Landlord;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A private landlord's account: a LANDLORD user bound to its own landlord record (kind PERSON) instead of an
 * organisation, never to both; no other role keeps one; a changed binding logs the person out.
 */
class PrivateLandlordAccountTest {

    private final Organisation nykopingshem = new Organisation("Nyköpingshem AB", OrganisationNumber.of("556036-4712"),
            OrganisationKind.HOUSING_COMPANY);
    private final Organisation stadsmission = new Organisation("Sörmlands Stadsmission",
            OrganisationNumber.of("802003-5120"), OrganisationKind.NON_PROFIT);
    private final Landlord karin = Landlord.person("Karin Exempelsson", "Backvägen 2");
    private final Landlord olof = Landlord.person("Olof Exempelsson", null);
    private final Landlord company = Landlord.company(nykopingshem);

    private static Account account() {
        return new Account("karin", "Karin", "bostadforst".toCharArray());
    }

    private static void refused(String field, String key, Executable action) {
        InvalidInput e = assertThrows(InvalidInput.class, action);
        assertEquals(field, e.field());
        assertEquals(key, e.key());
    }

    @Test
    void aLandlordUserMayBeAPrivateLandlord() {
        Account a = account();
        a.grant(Set.of(Role.LANDLORD), null, karin);
        assertSame(karin, a.landlord());
        assertNull(a.organisation());
        assertEquals("Karin Exempelsson", a.actsFor());
        assertEquals("Karin Exempelsson", a.snapshot().get("landlord"));
    }

    @Test
    void neverBothAnOrganisationAndAPrivateLandlord() {
        refused("landlordId", "error.account.organisationOrPrivateLandlord",
                () -> account().grant(Set.of(Role.LANDLORD), nykopingshem, karin));
    }

    @Test
    void onlyAPersonsLandlordRecordIsBoundDirectly() {
        refused("landlordId", "error.account.privateLandlordIsPerson",
                () -> account().grant(Set.of(Role.LANDLORD), null, company));
    }

    @Test
    void aLandlordUserNeedsOneOrTheOther() {
        refused("organisationId", "error.account.landlordNeedsHousingCompany",
                () -> account().grant(Set.of(Role.LANDLORD), null, null));
    }

    @Test
    void aPartnerIsNoPrivateLandlord() {
        refused("landlordId", "error.account.privateLandlordOnlyForLandlords",
                () -> account().grant(Set.of(Role.PARTNER), stadsmission, karin));
        refused("landlordId", "error.account.privateLandlordOnlyForLandlords",
                () -> account().grant(Set.of(Role.PARTNER), null, karin));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "FINANCE", "AUDITOR"})
    void theMunicipalitysRolesKeepNoLandlord(Role role) {
        Account a = account();
        a.grant(Set.of(Role.LANDLORD), null, karin);
        a.grant(EnumSet.of(role), null, karin);
        assertNull(a.landlord());
        assertNull(a.organisation());
        assertNull(a.actsFor());
    }

    @Test
    void aLandlordStandsAloneAsAPrivateLandlordToo() {
        refused("roles", "error.account.externalRoleAlone",
                () -> account().grant(EnumSet.of(Role.LANDLORD, Role.AUDITOR), null, karin));
    }

    @Test
    void aRefusedBindingLeavesTheAccountAsItWas() {
        Account a = account();
        a.grant(Set.of(Role.LANDLORD), null, karin);
        int stamp = a.sessionStamp();
        assertThrows(InvalidInput.class, () -> a.grant(Set.of(Role.LANDLORD), nykopingshem, olof));
        assertThrows(InvalidInput.class, () -> a.grant(Set.of(Role.LANDLORD), null, company));
        assertSame(karin, a.landlord());
        assertNull(a.organisation());
        assertEquals(stamp, a.sessionStamp());
    }

    @Test
    void changingWhomTheUserSpeaksForEndsItsSessions() {
        Account a = account();
        a.grant(Set.of(Role.LANDLORD), null, karin);
        int stamp = a.sessionStamp();
        a.grant(Set.of(Role.LANDLORD), null, karin);
        assertEquals(stamp, a.sessionStamp(), "the same landlord: nothing changed");

        a.grant(Set.of(Role.LANDLORD), null, olof);
        assertTrue(a.sessionStamp() > stamp, "another private landlord");
        assertSame(olof, a.landlord());

        stamp = a.sessionStamp();
        a.grant(Set.of(Role.LANDLORD), nykopingshem, null);
        assertTrue(a.sessionStamp() > stamp, "from a private landlord to a housing company");
        assertNull(a.landlord());
        assertSame(nykopingshem, a.organisation());

        stamp = a.sessionStamp();
        a.grant(Set.of(Role.LANDLORD), null, karin);
        assertTrue(a.sessionStamp() > stamp, "from a housing company to a private landlord");
        assertNull(a.organisation());
    }

    @Test
    void onlyTheLandlordRoleMayBindAPrivateLandlord() {
        for (Role r : Role.values()) {
            assertEquals(r == Role.LANDLORD, r.mayBindPrivateLandlord(), r.name());
        }
    }
}
