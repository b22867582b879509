package se.iop.landlord.entity;

import se.iop.common.InvalidInput;
import se.iop.common.Text;

import java.util.regex.Pattern;

/** The check on the phone number a landlord's contact is reached at (the e-mail address is {@link se.iop.common.EmailAddress}'s). */
public final class ContactDetails {

    // Digits with the usual Swedish separators, optionally an international +46 prefix.
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]*[0-9]$");

    private ContactDetails() {
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
