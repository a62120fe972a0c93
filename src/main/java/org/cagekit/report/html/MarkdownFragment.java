package org.cagekit.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the Markdown that cagekit itself writes (an experiment's {@code summary.md}) to an HTML
 * fragment for a report page. The subset: ATX headings ({@code #} to {@code ######}, shown two
 * levels down so that they sit under the page's section headings), pipe tables with a separator
 * line, bulleted ({@code -}, {@code *}) and numbered lists, fenced code blocks, paragraphs, and
 * inline {@code `code`}, {@code **bold**}, {@code [links](href)} and {@code ![pictures](src)}.
 * Everything else is shown as text. All text is escaped; a link or picture whose address has a
 * scheme other than http or https (for example {@code javascript:}) is shown as text, and so is a
 * picture with any scheme: the page must not fetch from the network.
 */
public final class MarkdownFragment {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");
    private static final Pattern SEPARATOR =
            Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern INLINE =
            Pattern.compile("`([^`]+)`|\\*\\*(.+?)\\*\\*|(!?)\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");

    private MarkdownFragment() {}

    /** The HTML of a Markdown text. */
    public static String toHtml(String markdown) {
        List<String> lines = markdown.lines().toList();
        StringBuilder html = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (line.isBlank()) {
                flush(paragraph, html);
                i++;
            } else if (line.trim().startsWith("```")) {
                flush(paragraph, html);
                StringBuilder code = new StringBuilder();
                i++;
                while (i < lines.size() && !lines.get(i).trim().startsWith("```")) {
                    code.append(lines.get(i)).append('\n');
                    i++;
                }
                i++;
                html.append("<pre>")
                        .append(HtmlDocument.escape(code.toString()))
                        .append("</pre>\n");
            } else if (heading.matches()) {
                flush(paragraph, html);
                int level = Math.min(6, heading.group(1).length() + 2);
                html.append("<h")
                        .append(level)
                        .append('>')
                        .append(inline(heading.group(2)))
                        .append("</h")
                        .append(level)
                        .append(">\n");
                i++;
            } else if (line.trim().startsWith("|")
                    && i + 1 < lines.size()
                    && SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                flush(paragraph, html);
                i = table(lines, i, html);
            } else if (BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches()) {
                flush(paragraph, html);
                boolean numbered = !BULLET.matcher(line).matches();
                Pattern item = numbered ? NUMBERED : BULLET;
                html.append(numbered ? "<ol>\n" : "<ul>\n");
                while (i < lines.size() && item.matcher(lines.get(i)).matches()) {
                    Matcher m = item.matcher(lines.get(i));
                    m.matches();
                    html.append("<li>").append(inline(m.group(1))).append("</li>\n");
                    i++;
                }
                html.append(numbered ? "</ol>\n" : "</ul>\n");
            } else {
                paragraph.add(line.trim());
                i++;
            }
        }
        flush(paragraph, html);
        return html.toString();
    }

    private static int table(List<String> lines, int start, StringBuilder html) {
        List<String> header = cells(lines.get(start));
        List<String> alignments = cells(lines.get(start + 1));
        html.append("<table>\n<thead><tr>");
        for (String cell : header) {
            html.append("<th>").append(inline(cell)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int i = start + 2;
        while (i < lines.size() && lines.get(i).trim().startsWith("|")) {
            List<String> row = cells(lines.get(i));
            html.append("<tr>");
            for (int c = 0; c < header.size(); c++) {
                String cell = c < row.size() ? row.get(c) : "";
                boolean right = c < alignments.size() && alignments.get(c).endsWith(":");
                html.append(right ? "<td class=\"num\">" : "<td>")
                        .append(inline(cell))
                        .append("</td>");
            }
            html.append("</tr>\n");
            i++;
        }
        html.append("</tbody>\n</table>\n");
        return i;
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        if (trimmed.startsWith("|")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int k = 0; k < trimmed.length(); k++) {
            char ch = trimmed.charAt(k);
            if (ch == '\\' && k + 1 < trimmed.length() && trimmed.charAt(k + 1) == '|') {
                cell.append('|');
                k++;
            } else if (ch == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    private static void flush(List<String> paragraph, StringBuilder html) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
            paragraph.clear();
        }
    }

    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = INLINE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(HtmlDocument.escape(text.substring(last, m.start())));
            if (m.group(1) != null) {
                out.append("<code>").append(HtmlDocument.escape(m.group(1))).append("</code>");
            } else if (m.group(2) != null) {
                out.append("<strong>").append(inline(m.group(2))).append("</strong>");
            } else if (!safe(m.group(5)) || (m.group(3).equals("!") && hasScheme(m.group(5)))) {
                out.append(HtmlDocument.escape(m.group()));
            } else if (m.group(3).equals("!")) {
                out.append("<img src=\"")
                        .append(HtmlDocument.escape(m.group(5)))
                        .append("\" alt=\"")
                        .append(HtmlDocument.escape(m.group(4)))
                        .append("\">");
            } else {
                out.append("<a href=\"")
                        .append(HtmlDocument.escape(m.group(5)))
                        .append("\">")
                        .append(HtmlDocument.escape(m.group(4)))
                        .append("</a>");
            }
            last = m.end();
        }
        out.append(HtmlDocument.escape(text.substring(last)));
        return out.toString();
    }

    private static boolean hasScheme(String href) {
        int colon = href.indexOf(':');
        int slash = href.indexOf('/');
        return colon >= 0 && (slash < 0 || colon < slash);
    }

    private static boolean safe(String href) {
        if (!hasScheme(href)) {
            return true;
        }
        int colon = href.indexOf(':');
        String scheme = href.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }
}
