package dev.groundwork.views.charts;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A chart drawn as SVG elements, one per line, mark or label, written with the JDK's streaming XML writer (which
 * escapes what idea titles may hold). Coordinates are kept to a hundredth of a pixel: finer than any screen or print,
 * and a tenth of the text of full doubles.
 */
final class SvgSurface implements ChartSurface {

    private static final String NS = "http://www.w3.org/2000/svg";

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;
    private final StringBuilder digits = new StringBuilder();
    private Color fill = Color.BLACK;
    private Color stroke = Color.BLACK;
    private double lineWidth = 1;
    private StrokeLineJoin join = StrokeLineJoin.MITER;
    private double[] dashes;
    private double fontSize = 12;
    private TextAlignment align = TextAlignment.LEFT;
    private int groups;

    /** Starts a document {@code width} by {@code height} pixels, in the pixels' own coordinates. */
    SvgSurface(double width, double height) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("width", number(width));
            xml.writeAttribute("height", number(height));
            xml.writeAttribute("viewBox", "0 0 " + number(width) + " " + number(height));
            xml.writeAttribute("font-family", "sans-serif");
            // The canvas's defaults for what follows, and its text's spaces kept as drawn.
            xml.writeAttribute("stroke-linecap", "square");
            xml.writeAttribute("stroke-miterlimit", "10");
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves what is drawn next by (x, y), until {@link #endGroup}: a chart placed within a larger figure. */
    void beginGroup(double x, double y) {
        write(() -> {
            xml.writeStartElement("g");
            xml.writeAttribute("transform", "translate(" + number(x) + "," + number(y) + ")");
            xml.writeCharacters("\n");
        });
        groups++;
    }

    void endGroup() {
        write(() -> {
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
        groups--;
    }

    /** The document: every group closed, then the root. */
    String finish() {
        while (groups > 0) {
            endGroup();
        }
        write(() -> {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        });
        return text.toString() + "\n";
    }

    @Override
    public void fill(Color colour) {
        fill = colour;
    }

    @Override
    public void stroke(Color colour) {
        stroke = colour;
    }

    @Override
    public void lineWidth(double width) {
        lineWidth = width;
    }

    @Override
    public void lineJoin(StrokeLineJoin join) {
        this.join = join;
    }

    @Override
    public void dashes(double... lengths) {
        dashes = lengths == null || lengths.length == 0 ? null : lengths.clone();
    }

    @Override
    public void fontSize(double size) {
        fontSize = size;
    }

    @Override
    public void align(TextAlignment alignment) {
        align = alignment;
    }

    @Override
    public void text(String content, double x, double y) {
        write(() -> {
            xml.writeStartElement("text");
            xml.writeAttribute("x", number(x));
            xml.writeAttribute("y", number(y));
            textStyle(align);
            xml.writeCharacters(printable(content));
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void verticalText(String content, double x, double y) {
        write(() -> {
            xml.writeStartElement("text");
            xml.writeAttribute("transform", "translate(" + number(x) + "," + number(y) + ") rotate(-90)");
            textStyle(TextAlignment.CENTER);
            xml.writeCharacters(printable(content));
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void line(double x0, double y0, double x1, double y1) {
        write(() -> {
            xml.writeEmptyElement("line");
            xml.writeAttribute("x1", number(x0));
            xml.writeAttribute("y1", number(y0));
            xml.writeAttribute("x2", number(x1));
            xml.writeAttribute("y2", number(y1));
            strokeStyle();
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count) {
        if (count < 2) {
            return; // the canvas draws nothing for it either
        }
        write(() -> {
            xml.writeEmptyElement("polyline");
            xml.writeAttribute("points", points(xs, ys, count));
            xml.writeAttribute("fill", "none");
            strokeStyle();
            if (join != StrokeLineJoin.MITER) {
                xml.writeAttribute("stroke-linejoin", join == StrokeLineJoin.BEVEL ? "bevel" : "round");
            }
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count) {
        write(() -> {
            xml.writeEmptyElement("polygon");
            xml.writeAttribute("points", points(xs, ys, count));
            paint("fill", fill);
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void fillOval(double x, double y, double width, double height) {
        write(() -> {
            oval(x, y, width, height);
            paint("fill", fill);
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void strokeOval(double x, double y, double width, double height) {
        write(() -> {
            oval(x, y, width, height);
            xml.writeAttribute("fill", "none");
            strokeStyle();
            xml.writeCharacters("\n");
        });
    }

    private void oval(double x, double y, double width, double height) throws XMLStreamException {
        boolean circle = width == height;
        xml.writeEmptyElement(circle ? "circle" : "ellipse");
        xml.writeAttribute("cx", number(x + width / 2));
        xml.writeAttribute("cy", number(y + height / 2));
        if (circle) {
            xml.writeAttribute("r", number(width / 2));
        } else {
            xml.writeAttribute("rx", number(width / 2));
            xml.writeAttribute("ry", number(height / 2));
        }
    }

    private void textStyle(TextAlignment alignment) throws XMLStreamException {
        xml.writeAttribute("font-size", number(fontSize));
        if (alignment != TextAlignment.LEFT && alignment != TextAlignment.JUSTIFY) {
            xml.writeAttribute("text-anchor", alignment == TextAlignment.CENTER ? "middle" : "end");
        }
        paint("fill", fill);
    }

    private void strokeStyle() throws XMLStreamException {
        paint("stroke", stroke);
        xml.writeAttribute("stroke-width", number(lineWidth));
        if (dashes != null) {
            StringBuilder pattern = new StringBuilder();
            for (double length : dashes) {
                pattern.append(pattern.isEmpty() ? "" : " ").append(number(length));
            }
            xml.writeAttribute("stroke-dasharray", pattern.toString());
        }
    }

    /** A colour as {@code #rrggbb}, and its opacity beside it when it is not opaque. */
    private void paint(String attribute, Color colour) throws XMLStreamException {
        xml.writeAttribute(attribute, String.format(Locale.ROOT, "#%02x%02x%02x", channel(colour.getRed()),
                channel(colour.getGreen()), channel(colour.getBlue())));
        if (colour.getOpacity() < 1) {
            xml.writeAttribute(attribute + "-opacity", number(colour.getOpacity()));
        }
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }

    private String points(double[] xs, double[] ys, int count) {
        StringBuilder out = new StringBuilder(count * 14);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(number(xs[i])).append(',').append(number(ys[i]));
        }
        return out.toString();
    }

    /** A coordinate to a hundredth, without a trailing {@code .0}. */
    private String number(double value) {
        digits.setLength(0);
        long hundredths = Math.round(value * 100);
        if (hundredths < 0) {
            digits.append('-');
            hundredths = -hundredths;
        }
        digits.append(hundredths / 100);
        long rest = hundredths % 100;
        if (rest != 0) {
            digits.append('.').append(rest / 10);
            if (rest % 10 != 0) {
                digits.append(rest % 10);
            }
        }
        return digits.toString();
    }

    /**
     * Text without what XML 1.0 cannot hold: control characters, a surrogate left alone (half an emoji), U+FFFE and
     * U+FFFF. A title an LLM wrote may carry any of them, and one would make the file fail to be written.
     */
    private static String printable(String text) {
        return text.codePoints().allMatch(SvgSurface::xmlChar) ? text : text.codePoints().filter(SvgSurface::xmlChar)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean xmlChar(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    @FunctionalInterface
    private interface XmlWrite {
        void run() throws XMLStreamException;
    }

    private static void write(XmlWrite write) {
        try {
            write.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }
}
