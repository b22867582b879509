package se.iop.agreement.view;

import java.time.LocalDate;

/**
 * One dated event in an agreement's life, for the timeline: its kind (start, decision, amendment,
 * leaves, closed, end; also its CSS modifier), a heading and a line of detail, both plain text.
 */
public record TimelineEntry(LocalDate date, String kind, String heading, String detail) {
}
