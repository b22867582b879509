package se.iop.agreement.view;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One dated event in an agreement's life, for the timeline: its kind (a CSS modifier and a label
 * key), a heading and a line of detail, both plain text.
 */
public record TimelineEntry(LocalDate date, String kind, String heading, String detail) implements Serializable {
}
