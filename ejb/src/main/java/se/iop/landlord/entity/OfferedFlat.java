package se.iop.landlord.entity;

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
import se.iop.common.InvalidInput;
import se.iop.common.Text;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A flat a landlord has offered to the programme: where, how large, from when. Nothing about who lives there. */
@Entity
@Table(name = "offered_flat")
@Audited
public class OfferedFlat {

    /** The limits of a flat, as text and numbers for the API's documentation. */
    public static final String AREA_MAX = "1000";
    public static final int ROOMS_MAX = 20;
    private static final BigDecimal MAX_AREA = new BigDecimal(AREA_MAX);

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

    protected OfferedFlat() {
    }

    OfferedFlat(Landlord landlord, String address, BigDecimal areaSqm, Integer rooms, LocalDate availableFrom) {
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
}
