package se.iop.landlord.entity;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.common.Text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A flat a landlord has offered to the programme: where, how large, from when, and the stage it has reached
 * on its way to a home ({@link FlatStage}) with every step kept. Nothing about who lives there.
 */
@Entity
@Table(name = "offered_flat")
@Audited
public class OfferedFlat {

    /** The limits of a flat, as text and numbers for the API's documentation. */
    public static final String AREA_MAX = "1000";
    public static final int ROOMS_MAX = 20;
    private static final BigDecimal MAX_AREA = new BigDecimal(AREA_MAX);
    /** A JPQL condition on a flat {@code f}: still on the way (neither withdrawn nor ended), as {@link FlatStage#onTheWay()}. */
    public static final String ON_THE_WAY = "f.stage not in (se.iop.landlord.entity.FlatStage.WITHDRAWN,"
            + " se.iop.landlord.entity.FlatStage.ENDED)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "landlord_id")
    private Landlord landlord;

    @Column(nullable = false, length = 200)
    private String address;

    @Column(name = "area_sqm", nullable = false, precision = 6, scale = 1)
    private BigDecimal areaSqm;

    @Column(nullable = false)
    private int rooms;

    @Column(name = "available_from")
    private LocalDate availableFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FlatStage stage;

    @Column(name = "stage_on", nullable = false)
    private LocalDate stageOn;

    // The steps are their own append-only history; Envers keeps the flat's stage and date besides.
    @NotAudited
    @OneToMany(mappedBy = "flat", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<FlatStageChange> steps = new ArrayList<>();

    protected OfferedFlat() {
    }

    /** Offered on the day it is available from, or today when no day is given. */
    OfferedFlat(Landlord landlord, String address, BigDecimal areaSqm, Integer rooms, LocalDate availableFrom,
                LocalDate today, String by) {
        this.landlord = landlord;
        this.address = Text.required("address", address, 200);
        if (areaSqm == null) {
            throw new InvalidInput("areaSqm", "error.required");
        }
        if (areaSqm.signum() <= 0 || areaSqm.compareTo(MAX_AREA) > 0 || areaSqm.stripTrailingZeros().scale() > 1) {
            throw new InvalidInput("areaSqm", "error.flat.area");
        }
        if (rooms == null) {
            throw new InvalidInput("rooms", "error.required");
        }
        if (rooms < 1 || rooms > ROOMS_MAX) {
            throw new InvalidInput("rooms", "error.flat.rooms");
        }
        this.areaSqm = areaSqm.setScale(1);
        this.rooms = rooms;
        this.availableFrom = availableFrom;
        this.stage = FlatStage.OFFERED;
        this.stageOn = availableFrom != null ? availableFrom : today;
        steps.add(new FlatStageChange(this, null, FlatStage.OFFERED, stageOn, null, by, Instant.now()));
    }

    /**
     * Moves the flat to {@code to} on {@code on}. Forward one stage at a time needs no reason; a step back,
     * off the way (WITHDRAWN, ENDED) or on from a closed stage (a correction) does. A stage never starts
     * before the one it follows, and a flat never skips a stage forward.
     */
    public FlatStageChange moveTo(FlatStage to, LocalDate on, String reason, String by, Instant at) {
        if (to == null) {
            throw new InvalidInput("stage", "error.required");
        }
        if (on == null) {
            throw new InvalidInput("date", "error.required");
        }
        String why = Text.optional("reason", reason, 500);
        if (to == stage) {
            throw new StateConflict("stage", "error.flat.stageSame");
        }
        if (on.isBefore(stageOn)) {
            throw new InvalidInput("date", "error.flat.stageDateBefore", stageOn);
        }
        boolean forward = to == stage.next();
        if (stage.closed()) {
            if (why == null) {
                throw new InvalidInput("reason", "error.flat.stageCorrection");
            }
        } else if (!forward) {
            if (to.onTheWay() && to.ordinal() > stage.ordinal()) {
                throw new StateConflict("stage", "error.flat.stageSkip");
            }
            if (why == null) {
                throw new InvalidInput("reason", "error.flat.stageReason");
            }
        }
        FlatStageChange step = new FlatStageChange(this, stage, to, on, why, by, at);
        steps.add(step);
        this.stage = to;
        this.stageOn = on;
        return step;
    }

    public Long id() {
        return id;
    }

    public Landlord landlord() {
        return landlord;
    }

    public String address() {
        return address;
    }

    public BigDecimal areaSqm() {
        return areaSqm;
    }

    public int rooms() {
        return rooms;
    }

    public LocalDate availableFrom() {
        return availableFrom;
    }

    public long version() {
        return version;
    }

    public FlatStage stage() {
        return stage;
    }

    public LocalDate stageOn() {
        return stageOn;
    }

    /** Every step, the first (OFFERED) first. */
    public List<FlatStageChange> steps() {
        return Collections.unmodifiableList(steps);
    }
}
