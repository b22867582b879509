package se.iop.landlord.entity;

/** What an editor writes in one section of a packet: a heading and text in Swedish, optionally in English. */
public record SectionText(String heading, String body, String headingEn, String bodyEn) {
}
