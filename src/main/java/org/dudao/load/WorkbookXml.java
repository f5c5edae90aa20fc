package org.dudao.load;

import com.fasterxml.aalto.sax.SAXParserFactoryImpl;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

/**
 * The SAX reader of a workbook's XML parts (sheets, styles, the workbook part): Aalto's, which parses
 * sheet XML in about 0.6 of the JDK's Xerces' time on a cold JVM (docs/performance.md, "Reading
 * with Aalto"), namespace-aware as POI's. A part with a DOCTYPE is refused before anything in it is
 * read: SpreadsheetML never has one, and a DTD is how external entities and entity expansion come in
 * (Aalto would not resolve them either; the refusal makes it one clear message, {@link Failures#XML_ENTITIES}).
 * Aalto's SAX reports an element in the default namespace with an empty URI (1.3.3 and 1.4.0): the handlers
 * here go by local names, and the shared strings stay with POI's own parse, whose handler checks the URI.
 */
final class WorkbookXml {
    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final SAXParserFactory FACTORY = factory();

    private WorkbookXml() {}

    private static SAXParserFactory factory() {
        SAXParserFactory f = new SAXParserFactoryImpl();
        f.setNamespaceAware(true);
        return f;
    }

    /** A new reader (a reader parses one document at a time; this one is not shared). */
    static XMLReader newReader() throws SAXException {
        XMLReader xml;
        try {
            xml = FACTORY.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
        xml.setProperty(LEXICAL_HANDLER, NO_DOCTYPE);
        return xml;
    }

    private static final DefaultHandler2 NO_DOCTYPE = new DefaultHandler2() {
        @Override public void startDTD(String name, String publicId, String systemId) throws SAXException {
            throw new SAXException("DOCTYPE is not allowed in a workbook part");
        }
    };
}
