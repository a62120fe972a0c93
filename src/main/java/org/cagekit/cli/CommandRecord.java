package org.cagekit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/** The command line that made a folder, as a shell would need it typed again. */
final class CommandRecord {
    /** The file name the HTML report reads. */
    static final String FILE = "command.txt";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandRecord() {}

    /**
     * {@code cagekit} followed by every argument as typed, the subcommand and the root's options
     * included (the parse result holds the whole line), quoted where a shell would need it.
     */
    static String line(CommandSpec spec) {
        StringBuilder line = new StringBuilder("cagekit");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            line.append(' ').append(PLAIN.matcher(arg).matches() ? arg : quote(arg));
        }
        return line.toString();
    }

    /**
     * Writes {@link #line} to {@code dir/command.txt}, through a temporary file.
     *
     * @param dir the report folder, which must exist
     * @param spec the subcommand's spec
     */
    static void write(Path dir, CommandSpec spec) {
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, line(spec) + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e, e);
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
