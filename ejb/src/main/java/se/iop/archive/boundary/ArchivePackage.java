package se.iop.archive.boundary;

import java.time.Instant;

/**
 * A produced archive package: its identifier (METS OBJID and the ZIP's top folder), the ZIP's file name,
 * bytes and SHA-256, and when it was made.
 */
public record ArchivePackage(String objId, String fileName, byte[] zip, String sha256, Instant created) {
}
