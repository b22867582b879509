package se.iop.diary.control;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiaryFormatTest {

    private static final String PREFIXES = "Socialnämnden=SN; Vård- och omsorgsnämnden=VON";

    @Test
    void writesTheMunicipalitysFormat() {
        DiaryFormat f = DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "KS", PREFIXES);
        assertEquals("SN 2024/0123", f.number(f.prefixFor("Socialnämnden"), 2024, 123));
        assertEquals("VON 2023/0001", f.number(f.prefixFor("vård- och omsorgsnämnden"), 2023, 1));
        assertEquals("VON", DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "KS", "Vard-och-omsorgsnamnden=VON").prefixFor("Vård- och omsorgsnämnden"));
        assertEquals("KS 2024/12345", f.number(f.prefixFor(null), 2024, 12345));
        assertEquals("KS", f.prefixFor("Kommunstyrelsen"));
        assertEquals("Dnr SN-2024-7", DiaryFormat.of("Dnr {prefix}-{year}-{seq}", "KS", PREFIXES)
                .number("SN", 2024, 7));
        assertEquals("2024.SN.00042", DiaryFormat.of("{year}.{prefix}.{seq:5}", "KS", "").number("SN", 2024, 42));
    }

    @Test
    void refusesPatternsThatCouldCollide() {
        assertRefused("IOP_DIARY_PATTERN", "{seq}", () -> DiaryFormat.of("{prefix} {year}", "KS", ""));
        assertRefused("IOP_DIARY_PATTERN", "{year}", () -> DiaryFormat.of("{prefix}/{seq:4}", "KS", ""));
        assertRefused("IOP_DIARY_PATTERN", "{prefix}", () -> DiaryFormat.of("{year}/{seq:4}", "KS", ""));
        assertRefused("IOP_DIARY_PATTERN", "{seq}", () -> DiaryFormat.of("{prefix} {year}/{seq}-{seq}", "KS", ""));
        assertRefused("IOP_DIARY_PATTERN", "{year}", () -> DiaryFormat.of("{prefix} {year}{seq:4}", "KS", ""));
        assertRefused("IOP_DIARY_PATTERN", "{prefix}", () -> DiaryFormat.of("{prefix}X{year}/{seq}", "KS", ""));
        assertRefused("IOP_DIARY_PATTERN", "{number}", () -> DiaryFormat.of("{prefix} {year}/{number}", "KS", ""));
        assertRefused("IOP_DIARY_PATTERN", "60", () -> DiaryFormat.of("{prefix} " + "x".repeat(50) + " {year}/{seq}", "KS", ""));
    }

    @Test
    void refusesPrefixesThatCouldCollide() {
        assertRefused("IOP_DIARY_PREFIXES", "Servicenämnden", () -> DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "KS",
                "Socialnämnden=SN;Servicenämnden=sn"));
        assertRefused("IOP_DIARY_PREFIXES", "socialnämnden", () -> DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "KS",
                "Socialnämnden=SN;socialnämnden=SO"));
        assertRefused("IOP_DIARY_PREFIXES", "KS", () -> DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "KS",
                "Kommunstyrelsen=KS"));
        assertRefused("IOP_DIARY_PREFIXES", "Socialnämnden", () -> DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "KS",
                "Socialnämnden"));
        assertRefused("IOP_DIARY_PREFIXES", "S N", () -> DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "KS",
                "Socialnämnden=S N"));
        assertRefused("IOP_DIARY_DEFAULT_PREFIX", "K/S", () -> DiaryFormat.of(DiaryFormat.DEFAULT_PATTERN, "K/S", ""));
    }

    private static void assertRefused(String variable, String named, Runnable r) {
        DiaryMisconfigured e = assertThrows(DiaryMisconfigured.class, r::run);
        assertEquals(variable, e.field());
        String message = e.message(Locale.ENGLISH);
        assertTrue(message.contains(named), message);
        assertTrue(e.message(Locale.forLanguageTag("sv")).contains(named));
    }
}
