package se.iop.privacy.boundary;

import se.iop.privacy.entity.SubjectKind;

/** One record that holds a person, e.g. {@code CONTACT 12}: how a request names it in its audit, without personal data. */
public record Subject(SubjectKind kind, long id) implements Comparable<Subject> {

    @Override
    public String toString() {
        return kind.name() + " " + id;
    }

    @Override
    public int compareTo(Subject o) {
        return kind != o.kind ? kind.compareTo(o.kind) : Long.compare(id, o.id);
    }
}
