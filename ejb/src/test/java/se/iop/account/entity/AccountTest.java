package se.iop.account.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.iop.common.InvalidInput;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTest {

    private static final char[] PASSWORD = "bostadforst".toCharArray();

    private final Organisation kommun = new Organisation("Nyköpings kommun", OrganisationNumber.of("212000-0308"),
            OrganisationKind.MUNICIPALITY);
    private final Organisation stadsmission = new Organisation("Sörmlands Stadsmission",
            OrganisationNumber.of("802003-5120"), OrganisationKind.NON_PROFIT);
    private final Organisation nykopingshem = new Organisation("Nyköpingshem AB", OrganisationNumber.of("556036-4712"),
            OrganisationKind.HOUSING_COMPANY);

    private static void refused(String field, String key, Executable action) {
        InvalidInput e = assertThrows(InvalidInput.class, action);
        assertEquals(field, e.field());
        assertEquals(key, e.key());
    }

    private static Account account() {
        return new Account("Handlaggare", "Handläggare", PASSWORD);
    }

    @Test
    void namesFollowTheRuleForTypedText() {
        refused("displayName", "error.identityNumber", () -> new Account("kim", "Kim 811218-9876", PASSWORD));
        refused("displayName", "error.text.control", () -> account().rename("Kim\u202EmiK"));
        refused("displayName", "error.text.oneLine", () -> account().rename("Kim\nKimsson"));
        refused("username", "error.identityNumber", () -> new Account("8112189876", "Kim", PASSWORD));
    }

    @Test
    void keepsALowerCaseUserNameAndAHashedPassword() {
        Account a = account();
        assertEquals("handlaggare", a.username());
        assertTrue(a.passwordMatches(PASSWORD));
        assertFalse(a.passwordMatches("bostadforsT".toCharArray()));
        assertFalse(a.snapshot().toString().contains("bostadforst"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "has space", "åsa", "name;drop", "<script>"})
    void refusesOddUserNames(String username) {
        refused("username", "error.account.username", () -> new Account(username, "Namn", PASSWORD));
    }

    @Test
    void needsALongEnoughPassword() {
        refused("password", "error.account.passwordTooShort", () -> new Account("kort", "Kort", "123456789".toCharArray()));
        refused("password", "error.account.passwordTooShort", () -> new Account("kort", "Kort", null));
    }

    @Test
    void aDeactivatedAccountNeverMatches() {
        Account a = account();
        a.deactivate();
        assertFalse(a.passwordMatches(PASSWORD));
        a.reactivate();
        assertTrue(a.passwordMatches(PASSWORD));
    }

    @Test
    void checksTheEmail() {
        Account a = account();
        a.changeEmail(" anna@example.se ");
        assertEquals("anna@example.se", a.email());
        refused("email", "error.email", () -> a.changeEmail("anna@example"));
        a.changeEmail(" ");
        assertNull(a.email());
    }

    @Test
    void needsAtLeastOneRole() {
        Account a = account();
        refused("roles", "error.account.noRole", () -> a.grant(EnumSet.noneOf(Role.class), null));
        refused("roles", "error.account.noRole", () -> a.grant(null, null));
    }

    @Test
    void municipalityRolesCombineAndBelongToNoOrganisation() {
        Account a = account();
        a.grant(EnumSet.of(Role.ADMIN, Role.FINANCE, Role.AUDITOR), kommun);
        assertEquals(EnumSet.of(Role.ADMIN, Role.FINANCE, Role.AUDITOR), a.roles());
        assertNull(a.organisation());
        assertTrue(a.has(Role.FINANCE));
        assertFalse(a.has(Role.PARTNER));
    }

    @Test
    void aPartnerBelongsToANonProfit() {
        Account a = account();
        a.grant(Set.of(Role.PARTNER), stadsmission);
        assertSame(stadsmission, a.organisation());
        refused("organisationId", "error.account.partnerNeedsNonProfit", () -> a.grant(Set.of(Role.PARTNER), null));
        refused("organisationId", "error.account.partnerNeedsNonProfit", () -> a.grant(Set.of(Role.PARTNER), kommun));
        refused("organisationId", "error.account.partnerNeedsNonProfit",
                () -> a.grant(Set.of(Role.PARTNER), nykopingshem));
    }

    @Test
    void aLandlordBelongsToAHousingCompany() {
        Account a = account();
        a.grant(Set.of(Role.LANDLORD), nykopingshem);
        assertSame(nykopingshem, a.organisation());
        refused("organisationId", "error.account.landlordNeedsHousingCompany",
                () -> a.grant(Set.of(Role.LANDLORD), stadsmission));
        refused("organisationId", "error.account.landlordNeedsHousingCompany", () -> a.grant(Set.of(Role.LANDLORD), null));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "FINANCE", "AUDITOR", "LANDLORD"})
    void partnersHaveNoOtherRole(Role other) {
        Account a = account();
        refused("roles", "error.account.externalRoleAlone",
                () -> a.grant(EnumSet.of(Role.PARTNER, other), stadsmission));
    }

    @Test
    void landlordsHaveNoOtherRole() {
        refused("roles", "error.account.externalRoleAlone",
                () -> account().grant(EnumSet.of(Role.LANDLORD, Role.AUDITOR), nykopingshem));
    }

    @Test
    void aRefusedGrantLeavesTheRolesAsTheyWere() {
        Account a = account();
        a.grant(Set.of(Role.PARTNER), stadsmission);
        assertThrows(InvalidInput.class, () -> a.grant(EnumSet.of(Role.ADMIN, Role.PARTNER), stadsmission));
        assertEquals(Set.of(Role.PARTNER), a.roles());
        assertSame(stadsmission, a.organisation());
    }

    @Test
    void movingToAMunicipalityRoleDropsTheOrganisation() {
        Account a = account();
        a.grant(Set.of(Role.PARTNER), stadsmission);
        a.grant(Set.of(Role.AUDITOR), stadsmission);
        assertNull(a.organisation());
        assertTrue(Role.PARTNER.needsOrganisation());
        assertFalse(Role.AUDITOR.needsOrganisation());
    }

    @Test
    void whatMustLogThePersonOutMovesTheSessionStampOnAndNothingElseDoes() {
        Account a = account();
        a.grant(Set.of(Role.FINANCE), null);
        int stamp = a.sessionStamp();

        a.rename("Kim Ekonom");
        a.changeEmail("kim@nykoping.se");
        a.grant(Set.of(Role.FINANCE), null);
        a.reactivate();
        assertEquals(stamp, a.sessionStamp(), "nothing that keeps what the person may do ends a session");

        a.grant(Set.of(Role.FINANCE, Role.AUDITOR), null);
        assertTrue(a.sessionStamp() > stamp, "new roles");
        stamp = a.sessionStamp();
        a.setPassword("ett-nytt-losenord".toCharArray());
        assertTrue(a.sessionStamp() > stamp, "a new password");
        stamp = a.sessionStamp();
        a.deactivate();
        assertTrue(a.sessionStamp() > stamp, "deactivated");
        stamp = a.sessionStamp();
        a.deactivate();
        assertEquals(stamp, a.sessionStamp(), "deactivating twice is one change");
    }

    @Test
    void aPartnerMovedToAnotherOrganisationIsLoggedOut() {
        Account a = account();
        a.grant(Set.of(Role.PARTNER), stadsmission);
        int stamp = a.sessionStamp();
        a.grant(Set.of(Role.PARTNER), stadsmission);
        assertEquals(stamp, a.sessionStamp());
        Organisation verdandi = new Organisation("Verdandi Nyköping", OrganisationNumber.of("802011-4974"),
                OrganisationKind.NON_PROFIT);
        a.grant(Set.of(Role.PARTNER), verdandi);
        assertTrue(a.sessionStamp() > stamp);
    }

    @Test
    void anInactiveAccountNeverMatchesItsPassword() {
        Account a = account();
        a.deactivate();
        assertFalse(a.passwordMatches(PASSWORD));
        a.reactivate();
        assertTrue(a.passwordMatches(PASSWORD));
    }
}
