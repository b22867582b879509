package se.iop.agreement.view;

import se.iop.agreement.boundary.DecisionData;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A committee decision as the user copies it from the minutes. */
public class DecisionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long committeeId;
    private LocalDate meetingDate;
    private String paragraph;
    private String diarienummer;
    private String text;
    private BigDecimal amount;

    public DecisionData data() {
        return new DecisionData(committeeId, meetingDate, paragraph, diarienummer, text, amount);
    }

    public Long getCommitteeId() {
        return committeeId;
    }

    public void setCommitteeId(Long committeeId) {
        this.committeeId = committeeId;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public void setMeetingDate(LocalDate meetingDate) {
        this.meetingDate = meetingDate;
    }

    public String getParagraph() {
        return paragraph;
    }

    public void setParagraph(String paragraph) {
        this.paragraph = paragraph;
    }

    public String getDiarienummer() {
        return diarienummer;
    }

    public void setDiarienummer(String diarienummer) {
        this.diarienummer = diarienummer;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }
}
