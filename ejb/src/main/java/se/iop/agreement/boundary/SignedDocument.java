package se.iop.agreement.boundary;

/** A signed agreement as uploaded, its bytes checked against the SHA-256 kept with it. */
public record SignedDocument(String filename, String contentType, byte[] bytes, String sha256) {
}
