package se.iop.diary.control;

import se.iop.common.StateConflict;

/**
 * The operator's registration settings would let two documents share a number (or cannot be read): refused at
 * start-up and at every registration, so nothing is stored under them. The field is the variable to correct.
 */
public class DiaryMisconfigured extends StateConflict {
    public DiaryMisconfigured(String variable, String key, Object... args) {
        super(variable, key, args);
    }
}
