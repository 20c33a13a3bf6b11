package dev.groundwork.views.fakes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** An exported SVG read back by the JDK's XML parser: a document it refuses is not SVG any viewer will open. */
public final class SvgDocuments {

    private SvgDocuments() {}

    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    public static Document parse(Path svg) throws Exception {
        return parse(java.nio.file.Files.readString(svg));
    }
}
