package se.iop.publication.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.iop.common.EmailAddress;
import se.iop.common.Text;

import java.time.Instant;

/**
 * An accessibility barrier a visitor reported through the accessibility statement (DOS-lagen 2018:1937):
 * what was hard to use, optionally on which page, and optionally an e-mail address for an answer.
 * Reported anonymously; only administrators read reports. Nothing else is kept about the reporter.
 */
@Entity
@Table(name = "barrier_report")
public class BarrierReport {

    public static final int PAGE_MAX = 500;
    public static final int DESCRIPTION_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(length = PAGE_MAX)
    private String page;

    @Column(nullable = false, length = DESCRIPTION_MAX)
    private String description;

    @Column(length = EmailAddress.MAX)
    private String email;

    protected BarrierReport() {
    }

    /** Checks every field by the house rules for typed text and e-mail addresses; the first fault names its field. */
    public BarrierReport(String description, String page, String email, Instant receivedAt) {
        this.description = Text.requiredLines("description", description, DESCRIPTION_MAX);
        this.page = Text.optional("page", page, PAGE_MAX);
        this.email = EmailAddress.optional("email", email);
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String page() {
        return page;
    }

    public String description() {
        return description;
    }

    public String email() {
        return email;
    }
}
