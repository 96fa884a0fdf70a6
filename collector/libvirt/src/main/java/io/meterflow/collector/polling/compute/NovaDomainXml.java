package io.meterflow.collector.polling.compute;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a domain's XML ({@code virDomainGetXMLDesc}) as Ceilometer's libvirt discovery and
 * inspector do: the {@code <nova:instance>} metadata (namespace 1.1, then 1.0), the disks with a
 * source and the interfaces with a target and a MAC. One XML read gives all of it, where
 * Ceilometer asks for the metadata and the XML separately.
 */
public final class NovaDomainXml {

    public static final List<String> NOVA_NAMESPACES =
            List.of("http://openstack.org/xmlns/libvirt/nova/1.1", "http://openstack.org/xmlns/libvirt/nova/1.0");

    private final DocumentBuilder parser;

    public NovaDomainXml() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parser = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required feature", e);
        }
    }

    /**
     * The instance this domain runs, or empty when the domain carries no Nova metadata.
     *
     * @throws MalformedDomainXmlException when the XML does not parse, or the Nova metadata lacks
     *     the owner or the flavor (Ceilometer logs and skips those too)
     */
    public Optional<NovaInstance> parse(String domainXml) {
        Element domain;
        try {
            domain = parser.parse(new InputSource(new StringReader(domainXml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new MalformedDomainXmlException("domain XML does not parse: " + e.getMessage(), e);
        } finally {
            parser.reset();
        }
        String name = text(child(domain, null, "name"));
        Element metadata = child(domain, null, "metadata");
        Element nova = null;
        String ns = null;
        for (String candidate : NOVA_NAMESPACES) {
            nova = child(metadata, candidate, "instance");
            if (nova != null) {
                ns = candidate;
                break;
            }
        }
        if (nova == null) {
            return Optional.empty();
        }
        Element owner = child(nova, ns, "owner");
        Element user = child(owner, ns, "user");
        Element project = child(owner, ns, "project");
        Element flavor = child(nova, ns, "flavor");
        if (user == null || project == null || flavor == null) {
            throw new MalformedDomainXmlException(
                    "domain " + name + " has Nova metadata without owner user, owner project or flavor", null);
        }
        Element root = child(nova, ns, "root");
        String imageId = root != null && "image".equals(root.getAttribute("type")) ? attr(root, "uuid") : null;
        Element os = child(child(domain, null, "os"), null, "type");
        Element devices = child(domain, null, "devices");
        return Optional.of(new NovaInstance(
                text(child(domain, null, "uuid")),
                name,
                text(child(nova, ns, "name")),
                attr(project, "uuid"),
                attr(user, "uuid"),
                new Flavor(
                        flavor.getAttribute("name"),
                        integer(child(flavor, ns, "vcpus")),
                        integer(child(flavor, ns, "memory")),
                        integer(child(flavor, ns, "disk")),
                        integer(child(flavor, ns, "ephemeral")),
                        integer(child(flavor, ns, "swap"))),
                imageId,
                text(os),
                os == null ? null : attr(os, "arch"),
                disks(devices),
                nics(devices)));
    }

    private static List<Disk> disks(Element devices) {
        List<Disk> disks = new ArrayList<>();
        for (Element disk : children(devices, "disk")) {
            Element target = child(disk, null, "target");
            if (child(disk, null, "source") != null && target != null && target.hasAttribute("dev")) {
                disks.add(new Disk(target.getAttribute("dev")));
            }
        }
        return disks;
    }

    private static List<Nic> nics(Element devices) {
        List<Nic> nics = new ArrayList<>();
        for (Element nic : children(devices, "interface")) {
            Element target = child(nic, null, "target");
            Element mac = child(nic, null, "mac");
            if (target == null || mac == null) {
                continue;
            }
            Element filter = child(nic, null, "filterref");
            Map<String, String> parameters = new LinkedHashMap<>();
            for (Element parameter : children(filter, "parameter")) {
                parameters.put(
                        parameter.getAttribute("name").toLowerCase(java.util.Locale.ROOT), attr(parameter, "value"));
            }
            parameters.put(
                    "interfaceid", attr(child(child(nic, null, "virtualport"), null, "parameters"), "interfaceid"));
            parameters.put("bridge", attr(child(nic, null, "source"), "bridge"));
            nics.add(new Nic(attr(target, "dev"), attr(mac, "address"), attr(filter, "filter"), parameters));
        }
        return nics;
    }

    private static Element child(Element parent, String namespace, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && localName.equals(element.getLocalName())
                    && java.util.Objects.equals(namespace, element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element
                        && element.getNamespaceURI() == null
                        && localName.equals(element.getLocalName())) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }

    private static String attr(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? null : element.getAttribute(name);
    }

    private static Integer integer(Element element) {
        String text = text(element);
        try {
            return text == null || text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
