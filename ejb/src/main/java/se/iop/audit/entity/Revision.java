package se.iop.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

import java.time.Instant;

/** One audited transaction: who changed something and when. Envers links every audit row to one. */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionUserListener.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    @Column(name = "changed_at", nullable = false)
    private long timestamp;

    @Column(nullable = false, length = 100)
    private String username;

    public long id() {
        return id;
    }

    public Instant changedAt() {
        return Instant.ofEpochMilli(timestamp);
    }

    public String username() {
        return username;
    }

    void setUsername(String username) {
        this.username = username;
    }
}
