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

import java.time.Instant;

/**
 * One request to send a packet version to a number of landlords: the deliveries it queued are
 * sent in the background, and their statuses are its progress.
 */
@Entity
@Table(name = "packet_send")
public class PacketSend {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "packet_version_id")
    private PacketVersion packetVersion;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(nullable = false)
    private int total;

    protected PacketSend() {
    }

    public PacketSend(PacketVersion packetVersion, String requestedBy, Instant requestedAt) {
        this.packetVersion = packetVersion;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void counted() {
        total++;
    }

    public Long id() {
        return id;
    }

    public PacketVersion packetVersion() {
        return packetVersion;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public int total() {
        return total;
    }
}
