package se.iop.landlord.entity;

import org.junit.jupiter.api.Test;
import se.iop.agreement.entity.Agreement;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketVersionTest {

    static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    static final SectionText WHAT = new SectionText("Vad är Bostad först?", "En egen lägenhet först.", null, null);
    static final SectionText LEASE = new SectionText("Hyresavtalet", "Kommunen hyr i första hand.", null, null);
    static final SupportContact STADSMISSION = new SupportContact("Sörmlands Stadsmission", "Erik Exempel",
            "Verksamhetsledare", "erik@example.se", "0155-00 00 03");

    static InformationPacket packet() {
        return new InformationPacket(new Agreement("SN 2023/0412", "Bostad först Nyköping – fas 1"),
                "Bostad först – information till hyresvärdar", null, List.of(WHAT, LEASE), NOW);
    }

    @Test
    void aNewPacketStartsWithAFirstDraft() {
        InformationPacket p = packet();
        PacketVersion v = p.latest();
        assertEquals(1, v.number());
        assertEquals(VersionStatus.DRAFT, v.status());
        assertEquals(List.of(WHAT, LEASE), v.content());
        assertEquals(2, v.sections().get(1).position());
        assertNull(p.latestPublished());
    }

    @Test
    void aPacketWithoutContentIsRefused() {
        Agreement a = new Agreement("SN 1", "Avtal");
        InvalidInput none = assertThrows(InvalidInput.class, () -> new InformationPacket(a, "Titel", null, List.of(), NOW));
        assertEquals("sections", none.field());
        assertEquals("error.packet.noContent", none.key());
        assertEquals("sections", assertThrows(InvalidInput.class, () -> new InformationPacket(a, "Titel", null, null, NOW)).field());
        assertEquals("title", assertThrows(InvalidInput.class, () -> new InformationPacket(a, " ", null, List.of(WHAT), NOW)).field());
        InvalidInput noBody = assertThrows(InvalidInput.class, () -> new InformationPacket(a, "Titel", null,
                List.of(WHAT, new SectionText("Rubrik", "  ", null, null)), NOW));
        assertEquals("sections[2].body", noBody.field());
        assertEquals("agreementId", assertThrows(InvalidInput.class, () -> new InformationPacket(null, "T", null, List.of(WHAT), NOW)).field());
        List<SectionText> many = new ArrayList<>(java.util.Collections.nCopies(PacketVersion.MAX_SECTIONS + 1, WHAT));
        assertEquals("error.packet.tooManySections",
                assertThrows(InvalidInput.class, () -> new InformationPacket(a, "T", null, many, NOW)).key());
        assertEquals("sections[1].heading", assertThrows(InvalidInput.class,
                () -> new InformationPacket(a, "T", null, Arrays.asList((SectionText) null), NOW)).field());
    }

    @Test
    void englishIsOptionalButNeverHalf() {
        PacketVersion v = packet().latest();
        SectionText english = new SectionText("Vad är Bostad först?", "En egen lägenhet först.", "What is Housing First?",
                "A home of one's own first.");
        InvalidInput noTitle = assertThrows(InvalidInput.class, () -> v.edit("Titel", null, List.of(english)));
        assertEquals("titleEn", noTitle.field());
        InvalidInput half = assertThrows(InvalidInput.class, () -> v.edit("Titel", "Title",
                List.of(new SectionText("R", "T", "Heading", null))));
        assertEquals("sections[1].bodyEn", half.field());
        assertEquals(List.of(WHAT, LEASE), v.content(), "a refused edit leaves the draft as it was");

        v.edit("Titel", "Title", List.of(english));
        assertTrue(v.hasEnglish());
        assertEquals(1, v.sections().size());
    }

    @Test
    void aDraftIsEditedInPlaceAndAPublishedVersionNeverChanges() {
        InformationPacket p = packet();
        PacketVersion v = p.latest();
        PacketSection first = v.sections().get(0);
        v.edit("Ny titel", null, List.of(LEASE, WHAT, new SectionText("Dygnet runt", "Ring 0155-00 00 03.", null, null)));
        assertEquals(first, v.sections().get(0), "the same section, rewritten");
        assertEquals("Hyresavtalet", first.heading());
        assertEquals(3, v.sections().size());

        v.publish(List.of(STADSMISSION), "handlaggare", NOW);
        assertTrue(v.published());
        assertEquals(NOW, v.publishedAt());
        assertEquals("handlaggare", v.publishedBy());
        assertEquals(List.of(STADSMISSION), v.supportContacts());
        StateConflict e = assertThrows(StateConflict.class, () -> v.edit("Ändrad", null, List.of(WHAT)));
        assertEquals("error.packet.published", e.key());
        assertEquals("Ny titel", v.title());
        assertThrows(StateConflict.class, () -> v.publish(List.of(), "x", NOW));
        assertEquals(v, p.latestPublished());
    }

    @Test
    void aNewVersionStartsFromThePublishedTextAndOnlyOneDraftAtATime() {
        InformationPacket p = packet();
        StateConflict open = assertThrows(StateConflict.class, p::newVersion);
        assertEquals("error.packet.draftExists", open.key());
        p.latest().publish(List.of(STADSMISSION), "handlaggare", NOW);

        PacketVersion second = p.newVersion();
        assertEquals(2, second.number());
        assertFalse(second.published());
        assertEquals(p.version(1).content(), second.content());
        assertTrue(second.supportContacts().isEmpty(), "a draft takes its contacts from the agreement when shown");
        assertEquals(second, p.latest());
        assertEquals(p.version(1), p.latestPublished());
        assertThrows(StateConflict.class, p::newVersion);
        assertThrows(se.iop.common.NotFound.class, () -> p.version(3));
    }
}
