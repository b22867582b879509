package se.iop.archive.control;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Lays out an archive package as E-ARK CSIP (the structure the Swedish National Archives' FGS Package
 * specification takes over) and zips it, in memory:
 * <pre>
 * &lt;OBJID&gt;/METS.xml
 * &lt;OBJID&gt;/metadata/descriptive/…      (referenced from the dmdSec)
 * &lt;OBJID&gt;/metadata/preservation/premis.xml  (PREMIS 3, referenced from the amdSec)
 * &lt;OBJID&gt;/representations/rep1/data/…  (the documents, data, attachments and history)
 * &lt;OBJID&gt;/schemas/mets.xsd, xlink.xsd, DILCISExtensionMETS.xsd
 * </pre>
 * Every file but METS.xml itself is in METS with its size and SHA-256 checksum, and METS is checked
 * against the bundled schemas before the ZIP is made: a package that would not validate is never handed out.
 */
public final class ArchivePackageWriter {

    public static final String METS_NS = "http://www.loc.gov/METS/";
    public static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    public static final String CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String PREMIS_NS = "http://www.loc.gov/premis/v3";
    static final String CSIP_PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml";
    public static final String REP = "representations/rep1/data/";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    /** One file of the package: its path under the package's root folder, media type, bytes, checksum. */
    public record Entry(String path, String mimeType, byte[] content, String sha256) {
    }

    /** What the package is: its identifier (also the root folder), label, who made it, when. */
    public record Header(String objId, String label, String archivist, String producedBy, Instant created) {
    }

    private final Header header;
    private final Instant created;
    private final Map<String, Entry> data = new LinkedHashMap<>();
    private Entry descriptive;

    public ArchivePackageWriter(Header header) {
        this.header = header;
        this.created = header.created().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A file of the representation, at {@code path} under {@value #REP}; a path already taken is an error. */
    public ArchivePackageWriter add(String path, String mimeType, byte[] content) {
        String full = REP + path;
        if (data.putIfAbsent(full, entry(full, mimeType, content)) != null) {
            throw new IllegalArgumentException("Two files at " + full);
        }
        return this;
    }

    /** The package's descriptive metadata, {@code metadata/descriptive/<name>}. */
    public ArchivePackageWriter descriptive(String name, byte[] xml) {
        descriptive = entry("metadata/descriptive/" + name, "text/xml", xml);
        return this;
    }

    private static Entry entry(String path, String mimeType, byte[] content) {
        return new Entry(path, mimeType, content, sha256(content));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ZIP, with {@code <OBJID>/} as its one top folder. */
    public byte[] zip() {
        if (descriptive == null) {
            throw new IllegalStateException("No descriptive metadata");
        }
        List<Entry> schemas = new ArrayList<>();
        for (String name : MetsSchema.FILES) {
            schemas.add(entry("schemas/" + name, "text/xml", MetsSchema.bytes(name)));
        }
        Entry premis = entry("metadata/preservation/premis.xml", "text/xml", premis());
        byte[] mets = mets(premis, schemas);
        MetsSchema.validate(mets);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            String root = header.objId() + "/";
            put(zip, root + "METS.xml", mets);
            put(zip, root + descriptive.path(), descriptive.content());
            put(zip, root + premis.path(), premis.content());
            for (Entry e : data.values()) {
                put(zip, root + e.path(), e.content());
            }
            for (Entry e : schemas) {
                put(zip, root + e.path(), e.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(created.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    // --- METS ----------------------------------------------------------------------------------

    private byte[] mets(Entry premis, List<Entry> schemas) {
        return xml(w -> {
            w.writeStartElement("mets", "mets", METS_NS);
            w.writeNamespace("mets", METS_NS);
            w.writeNamespace("xlink", XLINK_NS);
            w.writeNamespace("csip", CSIP_NS);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    METS_NS + " schemas/mets.xsd " + XLINK_NS + " schemas/xlink.xsd " + CSIP_NS + " schemas/DILCISExtensionMETS.xsd");
            w.writeAttribute("OBJID", header.objId());
            w.writeAttribute("LABEL", header.label());
            w.writeAttribute("TYPE", "Mixed");
            w.writeAttribute("PROFILE", CSIP_PROFILE);

            w.writeStartElement("mets", "metsHdr", METS_NS);
            w.writeAttribute("CREATEDATE", ISO.format(created));
            w.writeAttribute("RECORDSTATUS", "NEW");
            w.writeAttribute("csip", CSIP_NS, "OAISPACKAGETYPE", "SIP");
            agent(w, "CREATOR", "OTHER", "SOFTWARE", ArchiveNames.PROGRAM, "1.0");
            agent(w, "ARCHIVIST", "ORGANIZATION", null, header.archivist(), null);
            agent(w, "OTHER", "INDIVIDUAL", null, header.producedBy(), null);
            w.writeEndElement();

            w.writeStartElement("mets", "dmdSec", METS_NS);
            w.writeAttribute("ID", "dmd-1");
            w.writeAttribute("CREATED", ISO.format(created));
            w.writeAttribute("STATUS", "CURRENT");
            mdRef(w, descriptive, "OTHER", "IOP-AGREEMENT");
            w.writeEndElement();

            w.writeStartElement("mets", "amdSec", METS_NS);
            w.writeAttribute("ID", "amd-1");
            w.writeStartElement("mets", "digiprovMD", METS_NS);
            w.writeAttribute("ID", "digiprov-1");
            w.writeAttribute("CREATED", ISO.format(created));
            w.writeAttribute("STATUS", "CURRENT");
            mdRef(w, premis, "PREMIS", null);
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("mets", "fileSec", METS_NS);
            w.writeAttribute("ID", "filesec-1");
            Map<Entry, String> ids = new LinkedHashMap<>();
            fileGrp(w, "fg-schemas", "Schemas", schemas, ids);
            fileGrp(w, "fg-rep1", "Representations/rep1", List.copyOf(data.values()), ids);
            w.writeEndElement();

            w.writeStartElement("mets", "structMap", METS_NS);
            w.writeAttribute("ID", "struct-1");
            w.writeAttribute("TYPE", "PHYSICAL");
            w.writeAttribute("LABEL", "CSIP");
            w.writeStartElement("mets", "div", METS_NS);
            w.writeAttribute("ID", "div-root");
            w.writeAttribute("LABEL", header.objId());
            w.writeStartElement("mets", "div", METS_NS);
            w.writeAttribute("ID", "div-metadata");
            w.writeAttribute("LABEL", "Metadata");
            w.writeAttribute("DMDID", "dmd-1");
            w.writeAttribute("ADMID", "digiprov-1");
            w.writeEndElement();
            div(w, "div-schemas", "Schemas", schemas, ids);
            div(w, "div-rep1", "Representations/rep1", List.copyOf(data.values()), ids);
            w.writeEndElement();
            w.writeEndElement();

            w.writeEndElement();
        });
    }

    private static void agent(XMLStreamWriter w, String role, String type, String otherType, String name, String version)
            throws XMLStreamException {
        w.writeStartElement("mets", "agent", METS_NS);
        w.writeAttribute("ROLE", role);
        if ("OTHER".equals(role)) {
            w.writeAttribute("OTHERROLE", "PRODUCER");
        }
        w.writeAttribute("TYPE", type);
        if (otherType != null) {
            w.writeAttribute("OTHERTYPE", otherType);
        }
        text(w, "mets", METS_NS, "name", name);
        if (version != null) {
            w.writeStartElement("mets", "note", METS_NS);
            w.writeAttribute("csip", CSIP_NS, "NOTETYPE", "SOFTWARE VERSION");
            w.writeCharacters(version);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void mdRef(XMLStreamWriter w, Entry e, String mdType, String otherMdType) throws XMLStreamException {
        w.writeStartElement("mets", "mdRef", METS_NS);
        w.writeAttribute("LOCTYPE", "URL");
        w.writeAttribute("xlink", XLINK_NS, "type", "simple");
        w.writeAttribute("xlink", XLINK_NS, "href", e.path());
        w.writeAttribute("MDTYPE", mdType);
        if (otherMdType != null) {
            w.writeAttribute("OTHERMDTYPE", otherMdType);
        }
        fileAttributes(w, e);
        w.writeEndElement();
    }

    private void fileAttributes(XMLStreamWriter w, Entry e) throws XMLStreamException {
        w.writeAttribute("MIMETYPE", e.mimeType());
        w.writeAttribute("SIZE", Long.toString(e.content().length));
        w.writeAttribute("CREATED", ISO.format(created));
        w.writeAttribute("CHECKSUM", e.sha256());
        w.writeAttribute("CHECKSUMTYPE", "SHA-256");
    }

    private void fileGrp(XMLStreamWriter w, String id, String use, List<Entry> entries, Map<Entry, String> ids)
            throws XMLStreamException {
        w.writeStartElement("mets", "fileGrp", METS_NS);
        w.writeAttribute("ID", id);
        w.writeAttribute("USE", use);
        for (Entry e : entries) {
            String fileId = "file-" + (ids.size() + 1);
            ids.put(e, fileId);
            w.writeStartElement("mets", "file", METS_NS);
            w.writeAttribute("ID", fileId);
            fileAttributes(w, e);
            w.writeStartElement("mets", "FLocat", METS_NS);
            w.writeAttribute("LOCTYPE", "URL");
            w.writeAttribute("xlink", XLINK_NS, "type", "simple");
            w.writeAttribute("xlink", XLINK_NS, "href", e.path());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void div(XMLStreamWriter w, String id, String label, List<Entry> entries, Map<Entry, String> ids)
            throws XMLStreamException {
        w.writeStartElement("mets", "div", METS_NS);
        w.writeAttribute("ID", id);
        w.writeAttribute("LABEL", label);
        for (Entry e : entries) {
            w.writeEmptyElement("mets", "fptr", METS_NS);
            w.writeAttribute("FILEID", ids.get(e));
        }
        w.writeEndElement();
    }

    // --- PREMIS --------------------------------------------------------------------------------

    /** The package's provenance: each file with its fixity and format, the event that made the package, and its agents. */
    private byte[] premis() {
        return xml(w -> {
            w.writeStartElement("premis", "premis", PREMIS_NS);
            w.writeNamespace("premis", PREMIS_NS);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("version", "3.0");
            List<Entry> files = new ArrayList<>();
            files.add(descriptive);
            files.addAll(data.values());
            for (Entry e : files) {
                w.writeStartElement("premis", "object", PREMIS_NS);
                w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "type", "premis:file");
                identifier(w, "objectIdentifier", "local", e.path());
                w.writeStartElement("premis", "objectCharacteristics", PREMIS_NS);
                text(w, "premis", PREMIS_NS, "compositionLevel", "0");
                w.writeStartElement("premis", "fixity", PREMIS_NS);
                text(w, "premis", PREMIS_NS, "messageDigestAlgorithm", "SHA-256");
                text(w, "premis", PREMIS_NS, "messageDigest", e.sha256());
                text(w, "premis", PREMIS_NS, "messageDigestOriginator", ArchiveNames.PROGRAM);
                w.writeEndElement();
                text(w, "premis", PREMIS_NS, "size", Long.toString(e.content().length));
                w.writeStartElement("premis", "format", PREMIS_NS);
                w.writeStartElement("premis", "formatDesignation", PREMIS_NS);
                text(w, "premis", PREMIS_NS, "formatName", e.mimeType());
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeStartElement("premis", "event", PREMIS_NS);
            identifier(w, "eventIdentifier", "local", header.objId() + "-creation");
            text(w, "premis", PREMIS_NS, "eventType", "creation");
            text(w, "premis", PREMIS_NS, "eventDateTime", ISO.format(created));
            w.writeStartElement("premis", "eventDetailInformation", PREMIS_NS);
            text(w, "premis", PREMIS_NS, "eventDetail", "Arkivpaket framställt ur IOP för " + header.label());
            w.writeEndElement();
            w.writeStartElement("premis", "linkingAgentIdentifier", PREMIS_NS);
            text(w, "premis", PREMIS_NS, "linkingAgentIdentifierType", "local");
            text(w, "premis", PREMIS_NS, "linkingAgentIdentifierValue", "software");
            w.writeEndElement();
            w.writeStartElement("premis", "linkingAgentIdentifier", PREMIS_NS);
            text(w, "premis", PREMIS_NS, "linkingAgentIdentifierType", "local");
            text(w, "premis", PREMIS_NS, "linkingAgentIdentifierValue", "user");
            w.writeEndElement();
            w.writeEndElement();
            premisAgent(w, "software", ArchiveNames.PROGRAM, "software");
            premisAgent(w, "user", header.producedBy(), "person");
            w.writeEndElement();
        });
    }

    private static void premisAgent(XMLStreamWriter w, String id, String name, String type) throws XMLStreamException {
        w.writeStartElement("premis", "agent", PREMIS_NS);
        identifier(w, "agentIdentifier", "local", id);
        text(w, "premis", PREMIS_NS, "agentName", name);
        text(w, "premis", PREMIS_NS, "agentType", type);
        w.writeEndElement();
    }

    private static void identifier(XMLStreamWriter w, String element, String type, String value) throws XMLStreamException {
        w.writeStartElement("premis", element, PREMIS_NS);
        text(w, "premis", PREMIS_NS, element + "Type", type);
        text(w, "premis", PREMIS_NS, element + "Value", value);
        w.writeEndElement();
    }

    // --- XML -----------------------------------------------------------------------------------

    /** Writes what the body writes as a UTF-8 document. */
    public interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** The document the body writes, indented for a person who opens it (through an identity transform). */
    public static byte[] xml(XmlBody body) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(raw, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
            TransformerFactory factory = TransformerFactory.newInstance();
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            try {
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
            } catch (IllegalArgumentException notThisTransformer) {
                // another transformer indents its own way
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new StreamSource(new ByteArrayInputStream(raw.toByteArray())), new StreamResult(out));
            return out.toByteArray();
        } catch (XMLStreamException | TransformerException e) {
            throw new IllegalStateException("XML could not be written", e);
        }
    }

    public static void text(XMLStreamWriter w, String prefix, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }

    static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
