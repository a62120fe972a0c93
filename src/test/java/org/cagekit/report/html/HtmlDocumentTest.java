package org.cagekit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlDocumentTest {
    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals(
                "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;",
                HtmlDocument.escape("a <b> & \"c\" 'd'"));
    }

    @Test
    void tablesFormatNumbersAndMarkStrongCells() {
        HtmlTable table =
                new HtmlTable(
                        "scores",
                        List.of("class", "f1", "support"),
                        List.of(List.of("SIT<1>", "0.76190476", "20"), List.of("LIE", "NaN")),
                        new boolean[][] {{false, true, false}});
        String html = new HtmlDocument("t").section("s", "S").table(table).toHtml();
        assertTrue(html.contains("<td>SIT&lt;1&gt;</td>"), html);
        assertTrue(html.contains("<td class=\"num\"><strong>0.7619</strong></td>"), html);
        assertTrue(html.contains("<td class=\"num\">20</td>"), html);
        assertTrue(html.contains("<td class=\"num\">NaN</td><td></td>"), html);
        assertThrows(
                IllegalArgumentException.class,
                () -> new HtmlTable("x", List.of("a"), List.of(List.of("1", "2"))));
    }

    @Test
    void pageIsSelfContained() {
        String html =
                new HtmlDocument("report <1>")
                        .header("report", "sub")
                        .section("pictures", "Pictures")
                        .figure("a b.png", "alt", "caption", 10, 20)
                        .section("command", "Command")
                        .preformatted("cagekit pipeline --epochs 2 > log")
                        .footer("end")
                        .toHtml();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>report &lt;1&gt;</title>"));
        assertTrue(html.contains("<img src=\"a b.png\" alt=\"alt\" width=\"10\" height=\"20\">"));
        assertTrue(html.contains("<nav><a href=\"#pictures\">Pictures</a><a href=\"#command\">"));
        assertTrue(html.contains("<pre>cagekit pipeline --epochs 2 &gt; log</pre>"));
        assertEquals(2, html.split("</section>", -1).length - 1);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("@import"));
    }
}
