package org.cagekit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit prepare}: builds (or reads from the cache) a protocol's windows and prints the
 * split table, one row per split and class with the number of windows, then one total per split.
 * The time taken is logged at info level (stderr; hidden by {@code -q}).
 *
 * <pre>
 * split  class  name                windows
 * train  0      null                   1234
 * ...
 * train  total                        12345
 * </pre>
 */
@Command(
        name = "prepare",
        mixinStandardHelpOptions = true,
        header = "Build a protocol's labelled windows and print the split table.",
        description = {
            "Reads the raw recordings, filters, windows, labels, splits by subject and"
                    + " standardises them as the protocol says, caches the result and prints"
                    + " the number of windows per split and class on stdout."
        })
public final class PrepareCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(PrepareCommand.class);

    @Mixin DataOptions data;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        long begin = System.nanoTime();
        PreparedData prepared = data.prepare();
        double seconds = (System.nanoTime() - begin) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        printTable(prepared, out);
        out.flush();
        LOG.info(
                String.format(
                        Locale.ROOT,
                        "%s/%s: windows of %d samples ready in %.1f s",
                        prepared.dataset(),
                        prepared.protocol(),
                        prepared.windowLength(),
                        seconds));
        return Main.OK;
    }

    /** Prints the split table of prepared data. */
    static void printTable(PreparedData prepared, PrintWriter out) {
        int nameWidth = "name".length();
        for (String name : prepared.classNames().values()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        String row = "%-5s  %-5s  %-" + nameWidth + "s  %7s%n";
        out.printf(Locale.ROOT, row, "split", "class", "name", "windows");
        for (Map.Entry<Split, WindowSet> e : prepared.splits().entrySet()) {
            int[] counts = e.getValue().classCounts();
            String split = e.getKey().shortName();
            for (Map.Entry<Integer, String> c : prepared.classNames().entrySet()) {
                int id = c.getKey();
                int count = id < counts.length ? counts[id] : 0;
                out.printf(Locale.ROOT, row, split, Integer.toString(id), c.getValue(), count);
            }
            out.printf(Locale.ROOT, row, split, "total", "", e.getValue().size());
        }
    }
}
