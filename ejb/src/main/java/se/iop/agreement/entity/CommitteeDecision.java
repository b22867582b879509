package se.iop.agreement.entity;

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
import se.iop.common.Money;
import se.iop.common.Text;
import se.iop.partner.entity.Committee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A committee's decision behind an agreement: which committee, at which meeting, which paragraph (§). */
@Entity
@Table(name = "committee_decision")
@Audited
public class CommitteeDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "committee_id")
    private Committee committee;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate meetingDate;

    @Column(length = 50)
    private String paragraph;

    @Column(length = 100)
    private String diarienummer;

    @Column(name = "decision_text", length = 4000)
    private String text;

    @Column(precision = 14, scale = 2)
    private BigDecimal amount;

    protected CommitteeDecision() {
    }

    CommitteeDecision(Agreement agreement, Committee committee, LocalDate meetingDate, String paragraph,
                      String diarienummer, String text, BigDecimal amount) {
        if (committee == null) {
            throw new InvalidInput("committeeId", "error.required");
        }
        if (meetingDate == null) {
            throw new InvalidInput("meetingDate", "error.required");
        }
        this.agreement = agreement;
        this.committee = committee;
        this.meetingDate = meetingDate;
        this.paragraph = Text.optional("paragraph", paragraph, 50);
        this.diarienummer = Text.optional("diarienummer", diarienummer, 100);
        this.text = Text.optionalLines("text", text, 4000);
        this.amount = Money.optionalNonNegative("amount", amount);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("committee", committee.name());
        s.put("meetingDate", meetingDate);
        s.put("paragraph", paragraph);
        s.put("diarienummer", diarienummer);
        s.put("text", text);
        s.put("amount", amount);
        return s;
    }

    public Long id() {
        return id;
    }

    public Agreement agreement() {
        return agreement;
    }

    public Committee committee() {
        return committee;
    }

    public LocalDate meetingDate() {
        return meetingDate;
    }

    public String paragraph() {
        return paragraph;
    }

    public String diarienummer() {
        return diarienummer;
    }

    public String text() {
        return text;
    }

    public BigDecimal amount() {
        return amount;
    }
}
