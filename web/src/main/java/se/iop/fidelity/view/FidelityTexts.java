package se.iop.fidelity.view;

import se.iop.common.Percent;

import java.util.Locale;

/** How a fidelity score reads on every page: the sum against its maximum and the share, "58 / 76 (76,3 %)". */
final class FidelityTexts {

    private FidelityTexts() {
    }

    static String score(int sum, int max, Locale locale) {
        return sum + " / " + max + " (" + Percent.format(Percent.of(sum, max), locale) + ")";
    }
}
