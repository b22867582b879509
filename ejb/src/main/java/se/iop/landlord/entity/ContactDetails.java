package se.iop.landlord.entity;

import se.iop.common.InvalidInput;
import se.iop.common.Text;

import java.util.regex.Pattern;

/** Checks on the addresses a landlord's contact is reached at: an e-mail address and a phone number. */
public final class ContactDetails {

    // One @, a dot in the domain, no spaces or commas: enough to catch typing errors; the mail that arrives is the real test.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>.]{2,}$");
    // Digits with the usual Swedish separators, optionally an international +46 prefix.
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]*[0-9]$");

    private ContactDetails() {
    }

    /** A valid e-mail address, or null when none is given. */
    public static String email(String field, String value) {
        String email = Text.optional(field, value, 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInput(field, "error.email");
        }
        return email;
    }

    /** A phone number of 6 to 15 digits, or null when none is given. */
    public static String phone(String field, String value) {
        String phone = Text.optional(field, value, 50);
        if (phone == null) {
            return null;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(phone).matches() || digits < 6 || digits > 15) {
            throw new InvalidInput(field, "error.landlord.phone");
        }
        return phone;
    }
}
