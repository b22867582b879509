package se.iop.diary.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.common.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An entry in the municipality's diary (diarium): a registered document's number, its date (received or drawn
 * up), direction, counterpart and a short description. The number is given once and never changes; what can
 * change is the secrecy marking (sekretessmarkering), which hides the description and counterpart from the
 * public while the entry itself stays listed. A private person's name as counterpart is never public.
 */
@Entity
@Table(name = "registry_entry")
@Audited
public class RegistryEntry {

    /** A reference to the Public Access to Information and Secrecy Act, e.g. {@code 26 kap. 1 § OSL}. */
    private static final Pattern OSL_REFERENCE = Pattern.compile("\\d+\\s*kap\\.\\s*\\d+\\s*[a-z]?\\s*§.*\\bOSL\\b.*");

    public static final int DESCRIPTION_MAX = 500;
    public static final int COUNTERPART_MAX = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 60, updatable = false)
    private String number;

    @Column(nullable = false, length = 10, updatable = false)
    private String prefix;

    @Column(name = "series_year", nullable = false, updatable = false)
    private int seriesYear;

    @Column(nullable = false, updatable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_kind", nullable = false, length = 30, updatable = false)
    private DocumentKind documentKind;

    @Column(name = "document_id", nullable = false, updatable = false)
    private long documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Direction direction;

    @Column(name = "document_date", nullable = false, updatable = false)
    private LocalDate documentDate;

    @Column(name = "registered_on", nullable = false, updatable = false)
    private LocalDate registeredOn;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false, length = 100, updatable = false)
    private String registeredBy;

    @Column(length = COUNTERPART_MAX)
    private String counterpart;

    @Column(name = "counterpart_private", nullable = false)
    private boolean counterpartPrivate;

    @Column(nullable = false, length = DESCRIPTION_MAX)
    private String description;

    @Column(nullable = false)
    private boolean secret;

    @Column(name = "secrecy_reference", length = 100)
    private String secrecyReference;

    @Column(name = "secrecy_reason", length = 1000)
    private String secrecyReason;

    protected RegistryEntry() {
    }

    /**
     * A new entry; the number was taken from its series ({@code prefix}, the year of {@code registeredOn}).
     * Description and counterpart are cut to their columns: they are made by the application from the
     * document, and a long title must not stop its document from being registered.
     */
    public RegistryEntry(String number, String prefix, int sequence, DocumentKind kind, long documentId,
                         Direction direction, String counterpart, boolean counterpartPrivate, String description,
                         LocalDate documentDate, LocalDate registeredOn, Instant registeredAt, String registeredBy) {
        if (kind == null) {
            throw new InvalidInput("kind", "error.required");
        }
        if (direction == null) {
            throw new InvalidInput("direction", "error.required");
        }
        if (documentDate == null) {
            throw new InvalidInput("date", "error.required");
        }
        this.number = number;
        this.prefix = prefix;
        this.seriesYear = registeredOn.getYear();
        this.sequence = sequence;
        this.documentKind = kind;
        this.documentId = documentId;
        this.direction = direction;
        this.counterpart = cut(counterpart, COUNTERPART_MAX);
        this.counterpartPrivate = counterpartPrivate && this.counterpart != null;
        String text = cut(description, DESCRIPTION_MAX);
        if (text == null) {
            throw new InvalidInput("description", "error.required");
        }
        this.description = text;
        this.documentDate = documentDate;
        this.registeredOn = registeredOn;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    /** One line, at most {@code max} characters (an ellipsis where cut); null when blank. */
    public static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1).strip() + "…";
    }

    /** Marks the entry secret under the OSL provision named, for the reason given. */
    public void markSecret(String oslReference, String reason) {
        String reference = Text.required("secrecyReference", oslReference, 100);
        if (!OSL_REFERENCE.matcher(reference).matches()) {
            throw new InvalidInput("secrecyReference", "error.diary.oslReference", reference);
        }
        String why = Text.requiredLines("secrecyReason", reason, 1000);
        this.secret = true;
        this.secrecyReference = reference;
        this.secrecyReason = why;
    }

    /** Lifts the marking: the description and counterpart are public again. */
    public void liftSecrecy() {
        if (!secret) {
            throw new StateConflict("secret", "error.diary.notSecret", number);
        }
        this.secret = false;
        this.secrecyReference = null;
        this.secrecyReason = null;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String number() {
        return number;
    }

    public String prefix() {
        return prefix;
    }

    public int seriesYear() {
        return seriesYear;
    }

    public int sequence() {
        return sequence;
    }

    public DocumentKind documentKind() {
        return documentKind;
    }

    public long documentId() {
        return documentId;
    }

    public Direction direction() {
        return direction;
    }

    public LocalDate documentDate() {
        return documentDate;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public String counterpart() {
        return counterpart;
    }

    public boolean counterpartPrivate() {
        return counterpartPrivate;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return secret;
    }

    public String secrecyReference() {
        return secrecyReference;
    }

    public String secrecyReason() {
        return secrecyReason;
    }

    /** The counterpart as the public may read it: not when the entry is secret, never a private person's name. */
    public String publicCounterpart() {
        return secret || counterpartPrivate ? null : counterpart;
    }

    /** The description as the public may read it: not when the entry is secret. */
    public String publicDescription() {
        return secret ? null : description;
    }
}
