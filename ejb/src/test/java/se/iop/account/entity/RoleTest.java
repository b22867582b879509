package se.iop.account.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The role-needs-an-organisation rule, said once on {@link Role}, as the account keeps it. */
class RoleTest {

    private static final Map<OrganisationKind, Organisation> ORGANISATIONS = Map.of(
            OrganisationKind.MUNICIPALITY, new Organisation("Nyköpings kommun", OrganisationNumber.of("212000-0308"), OrganisationKind.MUNICIPALITY),
            OrganisationKind.NON_PROFIT, new Organisation("Sörmlands Stadsmission", OrganisationNumber.of("802003-5120"), OrganisationKind.NON_PROFIT),
            OrganisationKind.HOUSING_COMPANY, new Organisation("Nyköpingshem AB", OrganisationNumber.of("556036-4712"), OrganisationKind.HOUSING_COMPANY));

    @Test
    void partnersAndLandlordsActForAnOrganisationOfTheirKind() {
        assertEquals(OrganisationKind.NON_PROFIT, Role.PARTNER.organisationKind());
        assertEquals(OrganisationKind.HOUSING_COMPANY, Role.LANDLORD.organisationKind());
        for (Role r : List.of(Role.ADMIN, Role.FINANCE, Role.AUDITOR)) {
            assertNull(r.organisationKind(), r.name());
        }
        assertEquals(List.of(OrganisationKind.NON_PROFIT, OrganisationKind.HOUSING_COMPANY), Role.organisationKinds());
        assertEquals(List.of(Role.LANDLORD), Role.notFor(OrganisationKind.NON_PROFIT));
        assertEquals(List.of(Role.PARTNER, Role.LANDLORD), Role.notFor(OrganisationKind.MUNICIPALITY));
    }

    /** Every role with every kind of organisation, and none: what the account keeps, or the message it refuses with. */
    @ParameterizedTest
    @CsvSource({
            "PARTNER,  NON_PROFIT,      kept",
            "PARTNER,  HOUSING_COMPANY, error.account.partnerNeedsNonProfit",
            "PARTNER,  MUNICIPALITY,    error.account.partnerNeedsNonProfit",
            "PARTNER,  ,                error.account.partnerNeedsNonProfit",
            "LANDLORD, HOUSING_COMPANY, kept",
            "LANDLORD, NON_PROFIT,      error.account.landlordNeedsHousingCompany",
            "LANDLORD, MUNICIPALITY,    error.account.landlordNeedsHousingCompany",
            "LANDLORD, ,                error.account.landlordNeedsHousingCompany",
            "ADMIN,    NON_PROFIT,      dropped",
            "ADMIN,    ,                dropped",
            "FINANCE,  MUNICIPALITY,    dropped",
            "AUDITOR,  HOUSING_COMPANY, dropped"})
    void theAccountKeepsTheRule(Role role, OrganisationKind kind, String outcome) {
        Organisation organisation = kind == null ? null : ORGANISATIONS.get(kind);
        Account a = new Account("kim", "Kim", "bostadforst".toCharArray());
        switch (outcome) {
            case "kept" -> {
                a.grant(EnumSet.of(role), organisation);
                assertSame(organisation, a.organisation());
            }
            case "dropped" -> {
                a.grant(EnumSet.of(role), organisation);
                assertNull(a.organisation(), "the municipality's roles act for no organisation");
            }
            default -> {
                InvalidInput e = assertThrows(InvalidInput.class, () -> a.grant(EnumSet.of(role), organisation));
                assertEquals("organisationId", e.field());
                assertEquals(outcome, e.key());
                assertEquals(outcome, role.organisationRefusal());
            }
        }
    }

    @Test
    void aRoleThatActsForAnOrganisationStandsAlone() {
        Account a = new Account("kim", "Kim", "bostadforst".toCharArray());
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> a.grant(EnumSet.of(Role.PARTNER, Role.AUDITOR), ORGANISATIONS.get(OrganisationKind.NON_PROFIT)));
        assertEquals("error.account.externalRoleAlone", e.key());
    }
}
