package se.iop.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApiDocumentTest {

    @Test
    void operationIdIsTheResourceAndMethodInCamelCase() {
        assertEquals("agreementsList", ApiDocument.operationId("AgreementsResource_list"));
        assertEquals("phasesBook", ApiDocument.operationId("PhasesResource_book"));
        assertEquals("expenseImportImportCsv", ApiDocument.operationId("ExpenseImportResource_importCsv"));
    }

    @Test
    void anIdGivenOnTheMethodIsKept() {
        assertEquals("readBudget", ApiDocument.operationId("readBudget"));
        assertNull(ApiDocument.operationId(null));
    }

    @Test
    void operationsAreGroupedByTheirResource() {
        assertEquals("Phases", ApiDocument.tag("PhasesResource_book"));
        assertEquals("ContactNeeds", ApiDocument.tag("ContactNeedsResource_list"));
        assertNull(ApiDocument.tag("readBudget"));
    }
}
