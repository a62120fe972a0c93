package org.cagekit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownFragmentTest {
    @Test
    void headingsMoveTwoLevelsDown() {
        assertEquals(
                "<h3>Results &amp; notes</h3>\n", MarkdownFragment.toHtml("# Results & notes"));
        assertEquals("<h6>deep</h6>\n", MarkdownFragment.toHtml("##### deep"));
    }

    @Test
    void pipeTableWithRightAlignedColumn() {
        String md =
                "| variant | test accuracy |\n|---|---:|\n| ntxent | **0.83** |\n| a\\|b | 0.5 |\n";
        assertEquals(
                "<table>\n<thead><tr><th>variant</th><th>test accuracy</th></tr></thead>\n"
                        + "<tbody>\n"
                        + "<tr><td>ntxent</td><td class=\"num\"><strong>0.83</strong></td></tr>\n"
                        + "<tr><td>a|b</td><td class=\"num\">0.5</td></tr>\n"
                        + "</tbody>\n</table>\n",
                MarkdownFragment.toHtml(md));
    }

    @Test
    void listsCodeAndParagraphs() {
        String md = "Mean over\n3 seeds.\n\n- one `x<y`\n- two\n\n1. first\n\n```\na < b\n```\n";
        assertEquals(
                "<p>Mean over 3 seeds.</p>\n<ul>\n<li>one <code>x&lt;y</code></li>\n<li>two</li>\n"
                        + "</ul>\n<ol>\n<li>first</li>\n</ol>\n<pre>a &lt; b\n</pre>\n",
                MarkdownFragment.toHtml(md));
    }

    @Test
    void linksAndPicturesStayLocal() {
        assertEquals(
                "<a href=\"runs/a/index.html\">run a</a>",
                MarkdownFragment.inline("[run a](runs/a/index.html)"));
        assertEquals(
                "<img src=\"summary.png\" alt=\"bars\">",
                MarkdownFragment.inline("![bars](summary.png)"));
        // A script address is shown as text; so is a remote picture, which would need the network.
        assertEquals("[x](javascript:void)", MarkdownFragment.inline("[x](javascript:void)"));
        assertEquals(
                "![p](https://example.org/p.png)",
                MarkdownFragment.inline("![p](https://example.org/p.png)"));
        assertEquals(
                "<a href=\"https://archive.ics.uci.edu/\">UCI</a>",
                MarkdownFragment.inline("[UCI](https://archive.ics.uci.edu/)"));
    }
}
