package se.iop.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CookieApiWritesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "Application/JSON",
            "application/merge-patch+json", "application/problem+json"})
    void aJsonBodyIsSomethingNoFormCanSend(String type) {
        assertTrue(CookieApiWrites.json(type));
    }

    // What an HTML form can send (and what is no JSON at all) needs the header.
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
            "text/csv", "text/json", "application/jsonp", "application/json-seq+x", ""})
    void whatAFormCanSendIsNoJson(String type) {
        assertFalse(CookieApiWrites.json(type));
    }
}
