package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;

/**
 * A partner books its own costs (issue 13 §6): on its own agreement's lines, always in its own organisation's name
 * whatever it sends; never on another organisation's agreement, which does not exist to it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PartnerOwnCostIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String expense(long line, long partnerId, String voucher) {
        return Json.createObjectBuilder().add("lineId", line).add("spentOn", "2024-04-02").add("amount", new BigDecimal("1250.50"))
                .add("description", "Hyra för lokal").add("voucher", voucher).add("partnerId", partnerId).build().toString();
    }

    @Test
    void aPartnerBooksOnItsOwnAgreementInItsOwnNameAndNotOnAnothers() {
        BudgetSetup s = BudgetSetup.agreement();
        long line = s.line("OTHER", "Lokal", "10000", null);
        long verdandi = Fixtures.organisationId(Fixtures.VERDANDI);

        // it names another organisation as the cost's owner: the cost is booked as its own, by the partner
        String voucher = "P-" + UUID.randomUUID();
        JsonObject booked = created(Api.demo("stadsmissionen").post(s.phase("expenses"), expense(line, verdandi, voucher)));
        assertEquals(s.stadsmissionId, Rows.value("select organisation_id from expense where id = ?", id(booked)));
        assertEquals("PARTNER", Rows.value("select source from expense where id = ?", id(booked)));
        assertEquals(new BigDecimal("1250.50"), Rows.value("select amount from expense where id = ?", id(booked)));

        // Verdandi is no party: the agreement's phase does not exist to it, and nothing is written
        long before = Rows.count("select count(*) from expense where phase_id = " + s.phaseId);
        Api.Reply other = Api.demo("verdandi").post(s.phase("expenses"), expense(line, verdandi, "P-" + UUID.randomUUID()));
        assertEquals(404, other.status(), other.body());
        assertEquals(404, Api.demo("verdandi").get("api/budgets/" + s.agreementId).status());
        assertEquals(before, Rows.count("select count(*) from expense where phase_id = " + s.phaseId));

        // a partner reverses nothing, not even its own cost; an auditor books nothing
        assertEquals(403, Api.demo("stadsmissionen").post("api/expenses/" + id(booked) + "/reverse",
                "{\"spentOn\": \"2024-04-03\", \"reason\": \"fel\", \"voucher\": \"R-" + voucher + "\"}").status());
        assertEquals(403, Api.demo("revisor").post(s.phase("expenses"), expense(line, verdandi, "P-" + UUID.randomUUID())).status());
    }
}
