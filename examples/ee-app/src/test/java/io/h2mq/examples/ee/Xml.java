package io.h2mq.examples.ee;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A descriptor or server configuration file of the module, read for the tests: elements by local name. */
final class Xml {
    private final Document document;

    private Xml(Document document) {
        this.document = document;
    }

    /** Parses {@code path} (relative to the module, where tests run); DOCTYPEs are not fetched. */
    static Xml read(String path) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new Xml(factory.newDocumentBuilder().parse(Path.of(path).toFile()));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + path + ": " + e.getMessage(), e);
        }
    }

    /** Every element with this local name, in document order, whatever its namespace. */
    List<Element> all(String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The trimmed text of every element with this local name. */
    List<String> texts(String localName) {
        return all(localName).stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** The trimmed text of each {@code child} element inside an element named {@code parent}, in document order. */
    List<String> texts(String parent, String child) {
        List<String> texts = new ArrayList<>();
        for (Element element : all(parent)) {
            NodeList children = element.getElementsByTagNameNS("*", child);
            for (int i = 0; i < children.getLength(); i++) {
                texts.add(children.item(i).getTextContent().strip());
            }
        }
        return texts;
    }

    /** The value of {@code attribute} on every element with this local name. */
    List<String> attributes(String localName, String attribute) {
        return all(localName).stream().map(e -> e.getAttribute(attribute)).toList();
    }
}
