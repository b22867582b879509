package se.iop.agreement.view;

import se.iop.agreement.entity.EligibilityChecklist;

import java.io.Serializable;

/** The IOP eligibility checklist as the user ticks it, with the version it was read at. */
public class EligibilityForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long version;
    private boolean ownInitiative;
    private boolean coFinancing;
    private boolean noMarket;
    private boolean procurementAndStateAidAssessed;
    private String note;

    public static EligibilityForm of(EligibilityChecklist c, long version) {
        EligibilityForm f = new EligibilityForm();
        f.version = version;
        f.ownInitiative = c.ownInitiative();
        f.coFinancing = c.coFinancing();
        f.noMarket = c.noMarket();
        f.procurementAndStateAidAssessed = c.procurementAndStateAidAssessed();
        f.note = c.note();
        return f;
    }

    public EligibilityChecklist checklist() {
        return new EligibilityChecklist(ownInitiative, coFinancing, noMarket, procurementAndStateAidAssessed, note);
    }

    public Long getVersion() {
        return version;
    }

    public boolean isOwnInitiative() {
        return ownInitiative;
    }

    public void setOwnInitiative(boolean ownInitiative) {
        this.ownInitiative = ownInitiative;
    }

    public boolean isCoFinancing() {
        return coFinancing;
    }

    public void setCoFinancing(boolean coFinancing) {
        this.coFinancing = coFinancing;
    }

    public boolean isNoMarket() {
        return noMarket;
    }

    public void setNoMarket(boolean noMarket) {
        this.noMarket = noMarket;
    }

    public boolean isProcurementAndStateAidAssessed() {
        return procurementAndStateAidAssessed;
    }

    public void setProcurementAndStateAidAssessed(boolean procurementAndStateAidAssessed) {
        this.procurementAndStateAidAssessed = procurementAndStateAidAssessed;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
