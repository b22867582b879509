package se.iop.account.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SubjectHashTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void isHmacSha256OfProviderAndSubjectInHex() {
        // computed outside Java: printf 'eid\n197001011234' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
        assertEquals("86d0705733a9522ddcb3ee74833cdc4f102fb126d6a1dfa5e29ac2ae9b16dfac",
                SubjectHash.of(KEY, "eid", "197001011234"));
    }

    @Test
    void keepsNoTraceOfTheSubject() {
        String hash = SubjectHash.of(KEY, "eid", "197001011234");
        assertFalse(hash.contains("197001011234"));
        assertEquals(hash, SubjectHash.of(KEY, "eid", "197001011234"));
    }

    @Test
    void providerKeyAndSubjectEachChangeIt() {
        String hash = SubjectHash.of(KEY, "eid", "197001011234");
        assertNotEquals(hash, SubjectHash.of(KEY, "staff", "197001011234"));
        assertNotEquals(hash, SubjectHash.of(KEY.replace('0', 'x'), "eid", "197001011234"));
        assertNotEquals(hash, SubjectHash.of(KEY, "eid", "197001011235"));
        // the separator keeps provider and subject apart
        assertNotEquals(SubjectHash.of(KEY, "a", "bc"), SubjectHash.of(KEY, "ab", "c"));
    }
}
