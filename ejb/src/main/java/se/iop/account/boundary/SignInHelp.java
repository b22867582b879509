package se.iop.account.boundary;

import se.iop.common.Settings;

/**
 * Whom a person asks when they cannot sign in: not known in IOP, an invitation link that no longer works.
 * {@code IOP_SUPPORT_CONTACT}, e.g. "IOP-förvaltningen, iop@nykoping.se"; shown on those pages and in the
 * invitation e-mail.
 */
public final class SignInHelp {

    static final String DEFAULT = "kommunens IOP-förvaltning";

    private SignInHelp() {
    }

    public static String contact() {
        return Settings.text("iop.support.contact", "IOP_SUPPORT_CONTACT").orElse(DEFAULT);
    }
}
