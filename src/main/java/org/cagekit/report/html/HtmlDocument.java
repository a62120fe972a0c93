package org.cagekit.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained static HTML page: one file with its style sheet inline, no script, no font or
 * anything else fetched, so that it opens from disk in any browser without a server or a network.
 * Pictures are linked by relative path and therefore have to sit beside the page.
 *
 * <p>The page is built in order: a header, then sections, each with a heading and content; {@link
 * #toHtml()} closes the last section and lists the sections in a navigation bar. Every text given
 * is escaped; only {@link #markdown(String)} produces markup from its input, and it escapes the
 * text inside the markup too.
 */
public final class HtmlDocument {
    private static final String STYLE =
            String.join(
                    "\n",
                    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#222;",
                    "margin:0;background:#fafafa;line-height:1.45}",
                    "header{background:#1f3b5a;color:#fff;padding:18px 32px}",
                    "header h1{margin:0;font-size:1.6em}header p{margin:6px 0 0;color:#d8e2ee}",
                    "nav{background:#e8edf3;padding:8px 32px;font-size:.95em}",
                    "nav a{margin-right:18px;color:#1f3b5a;text-decoration:none}",
                    "main{max-width:1400px;margin:0 auto;padding:8px 32px 40px}",
                    "section{background:#fff;border:1px solid #e2e2e2;border-radius:6px;",
                    "padding:8px 20px 16px;margin:18px 0}",
                    "h2{font-size:1.3em;border-bottom:1px solid #e2e2e2;padding-bottom:4px}",
                    "h3{font-size:1.08em;margin:18px 0 6px}",
                    "table{border-collapse:collapse;margin:6px 0 14px;font-size:.92em}",
                    "caption{text-align:left;font-weight:bold;padding:4px 0}",
                    "th,td{border:1px solid #d6d6d6;padding:4px 10px;text-align:left}",
                    "th{background:#eef2f6}tr:nth-child(even) td{background:#f7f9fb}",
                    "td.num{text-align:right;font-variant-numeric:tabular-nums}",
                    "figure{margin:12px 0 22px}figure img{max-width:100%;height:auto;",
                    "border:1px solid #e2e2e2}",
                    "figcaption{color:#555;font-size:.9em;margin-top:4px}",
                    "pre{background:#f4f4f4;border:1px solid #e2e2e2;padding:10px;",
                    "overflow-x:auto;font-size:.88em;white-space:pre-wrap}",
                    "code{background:#f1f1f1;padding:0 3px}",
                    ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));",
                    "gap:0 24px}",
                    ".missing{color:#8a4b00}footer{color:#777;font-size:.85em;",
                    "max-width:1400px;margin:0 auto;padding:0 32px 24px}");

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> sections = new ArrayList<>();
    private String headerHtml = "";
    private String footer = "";
    private boolean sectionOpen;

    /** A page with the given window title. */
    public HtmlDocument(String title) {
        this.title = title;
    }

    /** Sets the banner: a main heading and, when not null, a line under it. */
    public HtmlDocument header(String heading, String subtitle) {
        headerHtml =
                "<header><h1>"
                        + escape(heading)
                        + "</h1>"
                        + (subtitle == null ? "" : "<p>" + escape(subtitle) + "</p>")
                        + "</header>\n";
        return this;
    }

    /** Sets the small print at the bottom of the page. */
    public HtmlDocument footer(String text) {
        footer = "<footer>" + escape(text) + "</footer>\n";
        return this;
    }

    /** Starts a section with an anchor id and a heading; the previous one is closed. */
    public HtmlDocument section(String id, String heading) {
        closeSection();
        sections.add(new String[] {id, heading});
        body.append("<section id=\"")
                .append(escape(id))
                .append("\">\n<h2>")
                .append(escape(heading))
                .append("</h2>\n");
        sectionOpen = true;
        return this;
    }

    /** A sub-heading. */
    public HtmlDocument subheading(String text) {
        body.append("<h3>").append(escape(text)).append("</h3>\n");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlDocument paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph marking something absent, styled apart. */
    public HtmlDocument missing(String text) {
        body.append("<p class=\"missing\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A bulleted list of plain text items. */
    public HtmlDocument list(List<String> items) {
        body.append("<ul>\n");
        for (String item : items) {
            body.append("<li>").append(escape(item)).append("</li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** A bulleted list of links, each a relative path shown as its own text. */
    public HtmlDocument links(List<String> hrefs, List<String> texts) {
        body.append("<ul>\n");
        for (int i = 0; i < hrefs.size(); i++) {
            body.append("<li><a href=\"")
                    .append(escape(hrefs.get(i)))
                    .append("\">")
                    .append(escape(texts.get(i)))
                    .append("</a></li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /**
     * A table; cells that read as numbers are right-aligned, and numbers with a fraction are shown
     * with four decimals.
     */
    public HtmlDocument table(HtmlTable table) {
        body.append("<table>\n");
        if (table.caption() != null) {
            body.append("<caption>").append(escape(table.caption())).append("</caption>\n");
        }
        body.append("<thead><tr>");
        for (String cell : table.header()) {
            body.append("<th>").append(escape(cell)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rows().size(); r++) {
            body.append("<tr>");
            List<String> row = table.rows().get(r);
            for (int c = 0; c < table.header().size(); c++) {
                String cell = c < row.size() ? row.get(c) : "";
                String shown = NumberText.display(cell);
                boolean numeric = NumberText.isNumber(cell);
                body.append(numeric ? "<td class=\"num\">" : "<td>");
                if (table.isStrong(r, c)) {
                    body.append("<strong>").append(escape(shown)).append("</strong>");
                } else {
                    body.append(escape(shown));
                }
                body.append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /**
     * A picture with a caption.
     *
     * @param src path of the PNG relative to the page
     * @param alt text for readers who cannot see the picture
     * @param caption text under the picture
     * @param width natural width in pixels, reserved before the picture loads
     * @param height natural height in pixels
     */
    public HtmlDocument figure(String src, String alt, String caption, int width, int height) {
        body.append("<figure><img src=\"")
                .append(escape(src))
                .append("\" alt=\"")
                .append(escape(alt))
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\"><figcaption>")
                .append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /**
     * Starts a grid: the figures until {@link #endGrid()} are laid out side by side, as many per
     * row as the window allows (at least 560 pixels each), one per row on a narrow screen.
     */
    public HtmlDocument beginGrid() {
        body.append("<div class=\"grid\">\n");
        return this;
    }

    /** Ends a grid started by {@link #beginGrid()}. */
    public HtmlDocument endGrid() {
        body.append("</div>\n");
        return this;
    }

    /** Preformatted text, for a command line or a JSON document. */
    public HtmlDocument preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** A collapsed block that opens on a click, holding preformatted text. */
    public HtmlDocument collapsed(String summary, String text) {
        body.append("<details><summary>")
                .append(escape(summary))
                .append("</summary>\n<pre>")
                .append(escape(text))
                .append("</pre></details>\n");
        return this;
    }

    /** Markdown text converted by {@link MarkdownFragment}. */
    public HtmlDocument markdown(String markdown) {
        body.append(MarkdownFragment.toHtml(markdown));
        return this;
    }

    /** The whole page. */
    public String toHtml() {
        closeSection();
        StringBuilder page = new StringBuilder(body.length() + 4096);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append(
                        "<meta name=\"viewport\" content=\"width=device-width,"
                                + " initial-scale=1\">\n")
                .append("<title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("\n</style>\n</head>\n<body>\n")
                .append(headerHtml);
        if (!sections.isEmpty()) {
            page.append("<nav>");
            for (String[] section : sections) {
                page.append("<a href=\"#")
                        .append(escape(section[0]))
                        .append("\">")
                        .append(escape(section[1]))
                        .append("</a>");
            }
            page.append("</nav>\n");
        }
        page.append("<main>\n").append(body).append("</main>\n").append(footer);
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private void closeSection() {
        if (sectionOpen) {
            body.append("</section>\n");
            sectionOpen = false;
        }
    }

    /** Escapes the five characters that HTML text and attribute values give a meaning to. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
