package se.iop.report.view;

import se.iop.report.entity.Measure;

import java.io.Serializable;

/** One count of a report form: which measure, and the number typed (empty while not known). */
public class CountField implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Measure measure;
    private Integer value;

    CountField(Measure measure, Integer value) {
        this.measure = measure;
        this.value = value;
    }

    public Measure getMeasure() {
        return measure;
    }

    public String getField() {
        return measure.field();
    }

    public boolean isRequired() {
        return measure.required();
    }

    public Integer getValue() {
        return value;
    }

    public void setValue(Integer value) {
        this.value = value;
    }
}
