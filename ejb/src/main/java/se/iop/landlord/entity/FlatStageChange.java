package se.iop.landlord.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a flat's way: from which stage to which, on what day, why (a step back, off the way or a
 * correction must say), who recorded it and when. Written once, never changed: the history of the stages.
 */
@Entity
@Table(name = "flat_stage")
public class FlatStageChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "flat_id")
    private OfferedFlat flat;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", length = 20)
    private FlatStage from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, length = 20)
    private FlatStage to;

    @Column(name = "stage_on", nullable = false)
    private LocalDate on;

    @Column(length = 500)
    private String reason;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String by;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    protected FlatStageChange() {
    }

    FlatStageChange(OfferedFlat flat, FlatStage from, FlatStage to, LocalDate on, String reason, String by, Instant at) {
        this.flat = flat;
        this.from = from;
        this.to = to;
        this.on = on;
        this.reason = reason;
        this.by = by;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public FlatStage from() {
        return from;
    }

    public FlatStage to() {
        return to;
    }

    public LocalDate on() {
        return on;
    }

    public String reason() {
        return reason;
    }

    public String by() {
        return by;
    }

    public Instant at() {
        return at;
    }
}
