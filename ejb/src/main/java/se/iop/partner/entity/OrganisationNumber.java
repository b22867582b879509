package se.iop.partner.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import se.iop.common.InvalidInput;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish organisation number (organisationsnummer), kept as {@code NNNNNN-NNNN}. Accepts ten digits
 * with or without the hyphen, or twelve with the {@code 16} prefix; the last digit is a Luhn check digit.
 */
@Embeddable
public class OrganisationNumber implements Serializable {

    /** Ten digits, or twelve with the 16 prefix; a hyphen (or a space) only before the last four. */
    private static final Pattern FORMAT = Pattern.compile("(?:16)?(\\d{6})[- ]?(\\d{4})");

    @Column(name = "organisation_number", length = 11)
    private String value;

    protected OrganisationNumber() {
    }

    private OrganisationNumber(String value) {
        this.value = value;
    }

    public static OrganisationNumber of(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInput("organisationNumber", "error.required");
        }
        // The separator may only stand between the date part and the last four digits.
        Matcher m = FORMAT.matcher(input.strip());
        if (!m.matches()) {
            throw new InvalidInput("organisationNumber", "error.organisationNumber.format");
        }
        String digits = m.group(1) + m.group(2);
        if (!luhnValid(digits)) {
            throw new InvalidInput("organisationNumber", "error.organisationNumber.checkDigit");
        }
        return new OrganisationNumber(digits.substring(0, 6) + "-" + digits.substring(6));
    }

    /** The Luhn (mod 10) check the Swedish Tax Agency uses for the tenth digit. */
    static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganisationNumber other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
