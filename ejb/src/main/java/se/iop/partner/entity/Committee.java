package se.iop.partner.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.common.StateConflict;
import se.iop.common.Text;

/** A committee (nämnd) of a municipality, e.g. Socialnämnden: it takes the decisions behind an IOP. */
@Entity
@Table(name = "committee")
@Audited
public class Committee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    protected Committee() {
    }

    Committee(Organisation organisation, String name) {
        this.organisation = organisation;
        this.name = Text.required("committee", name, 200);
    }

    /** Through {@link Organisation#renameCommittee}, which keeps names unique within the municipality. */
    void rename(String newName) {
        this.name = Text.required("committee", newName, 200);
    }

    /** Not offered for new decisions any more; the decisions it took keep it. */
    void deactivate() {
        this.active = false;
    }

    public long version() {
        return version;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Organisation organisation() {
        return organisation;
    }

    public boolean active() {
        return active;
    }

    /**
     * The committee as the one behind something new (a decision, an allocation): a deactivated committee keeps what it
     * took, but takes no more; refused naming {@code field}.
     */
    public Committee forNewWork(String field) {
        if (!active) {
            throw new StateConflict(field, "error.committee.inactive", name);
        }
        return this;
    }
}
