package se.iop.common;

import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address typed anywhere (organisations and their contacts, landlords' contacts,
 * accounts): one {@code @}; a local part of letters, digits and the signs RFC 5322 allows in a dot-atom,
 * with no leading, trailing or double dot; a domain of at least two labels of letters, digits and inner
 * hyphens, ending in a top-level domain of two or more letters (or its {@code xn--} form). Nothing that
 * would split or smuggle a second address (space, comma, semicolon, angle brackets, quotes).
 * <p>
 * Only ASCII is taken, so å, ä and ö are refused in both parts, with a message of their own: Swedish
 * municipalities, landlords and associations write their domains without them (nykoping.se, malmo.se), and
 * an address with them can only be delivered over SMTPUTF8, which the mail session does not ask for. A domain
 * registered with them is written in its ASCII form ({@code xn--…}), which is taken. Whether the address
 * exists is told only by the mail that arrives.
 */
public final class EmailAddress {

    public static final int MAX = 200;
    private static final int LOCAL_MAX = 64;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(
            "(" + ATOM + "(?:\\." + ATOM + ")*)@((?:" + LABEL + "\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}))");

    private EmailAddress() {
    }

    /** The address trimmed, or null when none is given; refused (naming the field) when it breaks the rule. */
    public static String optional(String field, String value) {
        String address = Text.optional(field, value, MAX);
        if (address == null) {
            return null;
        }
        if (!address.chars().allMatch(c -> c < 128)) {
            throw new InvalidInput(field, "error.email.ascii");
        }
        if (!valid(address)) {
            throw new InvalidInput(field, "error.email");
        }
        return address;
    }

    /** Whether the text, as it stands, is an address by this rule. */
    public static boolean valid(String address) {
        if (address == null || address.length() > MAX) {
            return false;
        }
        var m = ADDRESS.matcher(address);
        return m.matches() && m.group(1).length() <= LOCAL_MAX;
    }
}
