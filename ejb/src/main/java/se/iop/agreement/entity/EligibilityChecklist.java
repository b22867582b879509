package se.iop.agreement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import se.iop.common.Text;

import java.io.Serializable;

/**
 * Whether an IOP is the right form, as Swedish guidance asks it to be assessed: the idea comes from
 * the non-profit, both sides contribute, there is no market to protect (otherwise it is a
 * procurement), and procurement law and state-aid rules have been assessed. Recorded with the decision.
 */
@Embeddable
public class EligibilityChecklist implements Serializable {

    @Column(name = "elig_own_initiative", nullable = false)
    private boolean ownInitiative;

    @Column(name = "elig_co_financing", nullable = false)
    private boolean coFinancing;

    @Column(name = "elig_no_market", nullable = false)
    private boolean noMarket;

    @Column(name = "elig_assessment_done", nullable = false)
    private boolean procurementAndStateAidAssessed;

    @Column(name = "elig_note", length = 4000)
    private String note;

    protected EligibilityChecklist() {
    }

    public EligibilityChecklist(boolean ownInitiative, boolean coFinancing, boolean noMarket,
                                boolean procurementAndStateAidAssessed, String note) {
        this.ownInitiative = ownInitiative;
        this.coFinancing = coFinancing;
        this.noMarket = noMarket;
        this.procurementAndStateAidAssessed = procurementAndStateAidAssessed;
        this.note = Text.optionalLines("note", note, 4000);
    }

    public static EligibilityChecklist unanswered() {
        return new EligibilityChecklist(false, false, false, false, null);
    }

    public boolean complete() {
        return ownInitiative && coFinancing && noMarket && procurementAndStateAidAssessed;
    }

    public boolean ownInitiative() {
        return ownInitiative;
    }

    public boolean coFinancing() {
        return coFinancing;
    }

    public boolean noMarket() {
        return noMarket;
    }

    public boolean procurementAndStateAidAssessed() {
        return procurementAndStateAidAssessed;
    }

    public String note() {
        return note;
    }
}
