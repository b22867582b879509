package se.iop.landlord.boundary;

/** A contact person at a landlord, as entered. */
public record ContactData(String name, String role, String email, String phone) {
}
