package se.iop.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/index.xhtml", "/agreements/list.xhtml", "/agreements/view.xhtml?id=12",
            "/organisations/list.xhtml?q=Nyk%C3%B6ping&page=2", "/budget/view.xhtml?id=3#lines",
            "/followup/agreement.xhtml?id=1&x=a%2Bb", "/organisations/list.xhtml?q=a%20b"})
    void samePathsAreKept(String path) {
        assertEquals(Optional.of(path), ReturnPath.of(path));
        assertEquals(path, ReturnPath.orStart(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "index.xhtml", "http://evil.example/", "https://evil.example/index.xhtml",
            "//evil.example", "//evil.example/index.xhtml", "///evil.example", "\\\\evil.example", "/\\evil.example",
            "/%2F%2Fevil.example", "%2F%2Fevil.example", "/%2fevil.example", "/%5Cevil.example", "/%5cevil.example",
            "%5C%5Cevil.example", "/%252F%252Fevil.example", "/%25252F%25252Fevil.example", "/a%0d%0aSet-Cookie:x=1",
            "/a\r\nLocation: http://evil.example", "/a%00", "/a\u0000", "/a\u202e", "/a b", "/a%09b", "/a%E2%80%AEb", "/a/../../etc",
            "javascript:alert(1)", "/login.xhtml", "/login.xhtml?returnTo=/index.xhtml", "/%zz",
            " /index.xhtml", "/x//y"})
    void anythingElseIsRefused(String target) {
        assertEquals(Optional.empty(), ReturnPath.of(target), target);
        assertEquals(ReturnPath.START, ReturnPath.orStart(target));
    }

    @Test
    void nullAndOverlongAreRefused() {
        assertEquals(Optional.empty(), ReturnPath.of(null));
        String longest = "/agreements/list.xhtml?q=" + "a".repeat(ReturnPath.MAX_LENGTH - 25);
        assertEquals(ReturnPath.MAX_LENGTH, longest.length());
        assertEquals(Optional.of(longest), ReturnPath.of(longest));
        assertEquals(Optional.empty(), ReturnPath.of(longest + "a"));
    }
}
