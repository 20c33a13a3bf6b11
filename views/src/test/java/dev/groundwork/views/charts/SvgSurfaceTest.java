package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.SvgDocuments;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What a chart draws comes out as SVG a parser reads back: shapes, styles, and text as it was, however odd. */
class SvgSurfaceTest {

    @Test
    void shapesKeepTheirPlaceAndStyleToAHundredthOfAPixel() throws Exception {
        SvgSurface svg = new SvgSurface(640, 480);
        svg.stroke(Color.web("#4e79a7"));
        svg.lineWidth(1.5);
        svg.dashes(6, 4);
        svg.line(10.004, 20.5, 30.126, -4.25);
        svg.dashes();
        svg.fill(Color.web("#d64545").deriveColor(0, 1, 1, 0.75));
        svg.fillOval(96, 46, 8, 8);
        svg.polyline(new double[] {1, 2, 3}, new double[] {4, 5.5, 6}, 2); // the count, not the arrays' length

        Document doc = SvgDocuments.parse(svg.finish());
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 480");
        Element line = (Element) root.getElementsByTagName("line").item(0);
        assertThat(line.getAttribute("x1")).isEqualTo("10");
        assertThat(line.getAttribute("x2")).isEqualTo("30.13");
        assertThat(line.getAttribute("y2")).isEqualTo("-4.25");
        assertThat(line.getAttribute("stroke")).isEqualTo("#4e79a7");
        assertThat(line.getAttribute("stroke-dasharray")).isEqualTo("6 4");
        Element circle = (Element) root.getElementsByTagName("circle").item(0);
        assertThat(circle.getAttribute("cx")).isEqualTo("100");
        assertThat(circle.getAttribute("r")).isEqualTo("4");
        assertThat(circle.getAttribute("fill")).isEqualTo("#d64545");
        assertThat(circle.getAttribute("fill-opacity")).isEqualTo("0.75");
        Element polyline = (Element) root.getElementsByTagName("polyline").item(0);
        assertThat(polyline.getAttribute("points")).isEqualTo("1,4 2,5.5");
        assertThat(polyline.hasAttribute("stroke-dasharray")).as("dashes were put away").isFalse();
    }

    @Test
    void textIsEscapedAnchoredAndRidOfWhatXmlCannotHold() throws Exception {
        SvgSurface svg = new SvgSurface(100, 100);
        svg.fontSize(11);
        svg.align(TextAlignment.RIGHT);
        svg.text("#7 <b>&\"lr\" \u0007warm-up", 50, 60);
        svg.verticalText("reward  (lower is better \u2193)", 14, 40);
        svg.beginGroup(5, 6);
        svg.text("in a group", 0, 0);

        Document doc = SvgDocuments.parse(svg.finish());
        var texts = doc.getElementsByTagName("text");
        Element label = (Element) texts.item(0);
        assertThat(label.getTextContent()).isEqualTo("#7 <b>&\"lr\" warm-up");
        assertThat(label.getAttribute("text-anchor")).isEqualTo("end");
        assertThat(label.getAttribute("font-size")).isEqualTo("11");
        Element axis = (Element) texts.item(1);
        assertThat(axis.getTextContent()).endsWith("\u2193)");
        assertThat(axis.getAttribute("transform")).isEqualTo("translate(14,40) rotate(-90)");
        assertThat(((Element) texts.item(2).getParentNode()).getAttribute("transform"))
                .as("a group left open is closed").isEqualTo("translate(5,6)");
    }


    @Test
    void halfAnEmojiIsDroppedAndAPolylineOfOnePointIsNotWritten() throws Exception {
        SvgSurface svg = new SvgSurface(100, 100);
        svg.text("rotary \uD83D\uDE80 embeddings \uD83D cut \uFFFF", 0, 10); // a whole emoji, then half of one
        svg.polyline(new double[] {1, 2}, new double[] {3, 4}, 1);

        Document doc = SvgDocuments.parse(svg.finish());
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("rotary \uD83D\uDE80 embeddings  cut ");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isZero();
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("stroke-linecap")).as("the canvas's default caps").isEqualTo("square");
        assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "space")).isEqualTo("preserve");
    }
}
