package se.iop.archive.control;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

/**
 * The METS schema bundled with the application and in every package's {@code schemas/}: METS 1.12.1 from the
 * Library of Congress (github.com/mets/METS-schema, {@code version1121/mets.xsd}), the XLink schema it imports
 * (the Library of Congress' "METS XLink Schema, v. 2", from the same repository's history) and the E-ARK CSIP
 * extension ({@code DILCISExtensionMETS.xsd}, github.com/DILCISBoard/E-ARK-CSIP), which declares the
 * {@code csip:} attributes. mets.xsd imports XLink from the Library of Congress' web address; the resolver below
 * gives it the bundled copy instead, so validation never goes on the network.
 */
public final class MetsSchema {

    static final String BASE = "/se/iop/archive/schemas/";
    public static final List<String> FILES = List.of("mets.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd");

    private static final Schema SCHEMA = load();

    private MetsSchema() {
    }

    /** The bundled schema file's bytes. */
    public static byte[] bytes(String name) {
        InputStream in = MetsSchema.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("Schema " + name + " is not bundled");
        }
        return ArchivePackageWriter.read(in);
    }

    /** Refuses a METS document the schemas do not take (an error in the writer, never in the user's data). */
    public static void validate(byte[] mets) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(mets)));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("METS does not validate: " + e.getMessage(), e);
        }
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new Bundled());
        try {
            return factory.newSchema(new StreamSource[] {source("xlink.xsd"), source("mets.xsd"),
                    source("DILCISExtensionMETS.xsd")});
        } catch (SAXException e) {
            throw new IllegalStateException("The bundled METS schema could not be read", e);
        }
    }

    private static StreamSource source(String name) {
        return new StreamSource(new ByteArrayInputStream(bytes(name)), name);
    }

    /** Gives every import of the XLink namespace the bundled xlink.xsd. */
    private static final class Bundled implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (ArchivePackageWriter.XLINK_NS.equals(namespace)) {
                return new Input(bytes("xlink.xsd"), systemId, publicId);
            }
            return null;
        }
    }

    private record Input(byte[] content, String systemId, String publicId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(content); }
        @Override public void setByteStream(InputStream in) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
