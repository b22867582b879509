package se.iop.diary.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.DomainException;
import se.iop.diary.boundary.DiaryEntry;
import se.iop.diary.boundary.DiaryPage;
import se.iop.diary.boundary.DiaryQuery;
import se.iop.diary.boundary.Registrations;
import se.iop.web.Ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The whole diary for administrators and auditors; administrators mark entries secret and lift the marking. */
@Named
@ViewScoped
public class DiaryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Registrations registrations;

    @Inject
    private Ui ui;

    private String number;
    private LocalDate from;
    private LocalDate to;
    private String counterpart;
    private String text;
    private transient DiaryPage<DiaryEntry> result;

    private DiaryEntry marking;
    private String secrecyReference;
    private String secrecyReason;

    public DiaryPage<DiaryEntry> getResult() {
        if (result == null) {
            try {
                result = registrations.search(new DiaryQuery(number, from, to, counterpart, text, 0, DiaryQuery.MAX_SIZE));
            } catch (DomainException e) {
                ui.refused(e);
                result = new DiaryPage<>(List.of(), 0, 0, DiaryQuery.MAX_SIZE);
            }
        }
        return result;
    }

    public void search() {
        result = null;
    }

    public void startMarking(long id) {
        marking = registrations.find(id);
        secrecyReference = null;
        secrecyReason = null;
    }

    public void mark() {
        try {
            registrations.markSecret(marking.id(), marking.version(), secrecyReference, secrecyReason);
            result = null;
            ui.saved();
        } catch (DomainException e) {
            ui.refused(e, "markForm");
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void lift(long id) {
        try {
            DiaryEntry e = registrations.find(id);
            registrations.liftSecrecy(id, e.version());
            result = null;
            ui.saved();
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public DiaryEntry getMarking() {
        return marking;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getCounterpart() {
        return counterpart;
    }

    public void setCounterpart(String counterpart) {
        this.counterpart = counterpart;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getSecrecyReference() {
        return secrecyReference;
    }

    public void setSecrecyReference(String secrecyReference) {
        this.secrecyReference = secrecyReference;
    }

    public String getSecrecyReason() {
        return secrecyReason;
    }

    public void setSecrecyReason(String secrecyReason) {
        this.secrecyReason = secrecyReason;
    }
}
