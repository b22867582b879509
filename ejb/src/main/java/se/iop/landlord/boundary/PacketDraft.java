package se.iop.landlord.boundary;

import se.iop.landlord.entity.SectionText;

import java.util.List;

/** What an editor writes in a packet version: title, optional English title, sections. */
public record PacketDraft(String title, String titleEn, List<SectionText> sections) {
}
