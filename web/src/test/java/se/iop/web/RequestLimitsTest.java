package se.iop.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestLimitsTest {

    private static int refusal(String path, int url, int headers, int longest, int total, long body) {
        return RequestLimits.refusal(path, url, headers, longest, total, body);
    }

    @Test
    void anOrdinaryRequestPasses() {
        assertEquals(0, refusal("/api/agreements", 200, 12, 300, 1500, 2000));
        assertEquals(0, refusal("/agreements/list.xhtml", RequestLimits.MAX_URL, RequestLimits.MAX_HEADERS,
                RequestLimits.MAX_HEADER_LINE, RequestLimits.MAX_HEADER_BYTES, -1));
    }

    @Test
    void aLongUrlIs414() {
        assertEquals(414, refusal("/api/agreements", RequestLimits.MAX_URL + 1, 5, 100, 500, -1));
        assertEquals(414, refusal("/agreements/list.xhtml", 10_000, 5, 100, 500, -1));
    }

    @Test
    void tooManyOrTooLargeHeadersAre431() {
        assertEquals(431, refusal("/login.xhtml", 20, RequestLimits.MAX_HEADERS + 1, 100, 5000, -1));
        assertEquals(431, refusal("/login.xhtml", 20, 5, RequestLimits.MAX_HEADER_LINE + 1, 9000, -1));
        assertEquals(431, refusal("/api/agreements", 20, 50, 1000, RequestLimits.MAX_HEADER_BYTES + 1, -1));
    }

    @Test
    void eachEndpointHasItsBodyLimit() {
        assertEquals(RequestLimits.MAX_BODY, RequestLimits.maxBody("/api/agreements"));
        assertEquals(RequestLimits.MAX_BODY, RequestLimits.maxBody("/api/reports/12"));
        assertEquals(RequestLimits.MAX_ATTACHMENT, RequestLimits.maxBody("/api/reports/12/attachments"));
        assertEquals(RequestLimits.MAX_ATTACHMENT, RequestLimits.maxBody("/api/agreements/12/signatures"));
        assertEquals(RequestLimits.MAX_BODY, RequestLimits.maxBody("/api/agreements/12/signatures/3/document"));
        assertEquals(RequestLimits.MAX_ATTACHMENT, RequestLimits.maxBody("/agreements/view.xhtml"));
        assertEquals(RequestLimits.MAX_ATTACHMENT, RequestLimits.maxBody("/api/fidelity/12/attachments"));
        assertEquals(RequestLimits.MAX_BODY, RequestLimits.maxBody("/api/fidelity/12"));
        assertEquals(RequestLimits.MAX_ATTACHMENT, RequestLimits.maxBody("/followup/fidelity.xhtml"));
        assertEquals(RequestLimits.MAX_IMPORT, RequestLimits.maxBody("/api/budgets/3/expenses/import"));
        assertEquals(RequestLimits.MAX_ATTACHMENT, RequestLimits.maxBody("/reports/edit.xhtml"));
        assertEquals(RequestLimits.MAX_IMPORT, RequestLimits.maxBody("/budget/io.xhtml"));
        assertEquals(RequestLimits.MAX_BODY, RequestLimits.maxBody("/login.xhtml"));

        assertEquals(413, refusal("/api/agreements", 20, 5, 100, 500, RequestLimits.MAX_BODY + 1));
        assertEquals(0, refusal("/api/agreements", 20, 5, 100, 500, RequestLimits.MAX_BODY));
        assertEquals(0, refusal("/api/reports/1/attachments", 30, 5, 100, 500, 5L * 1024 * 1024 + 1));
        assertEquals(413, refusal("/api/reports/1/attachments", 30, 5, 100, 500, RequestLimits.MAX_ATTACHMENT + 1));
        assertEquals(413, refusal("/login.xhtml", 20, 5, 100, 500, RequestLimits.MAX_BODY + 1));
    }
}
