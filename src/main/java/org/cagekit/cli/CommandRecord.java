package org.cagekit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Model.CommandSpec;

/** Writes {@code command.txt}, the command line that made a report folder. */
final class CommandRecord {
    /** The file name the HTML report reads. */
    static final String FILE = "command.txt";

    private CommandRecord() {}

    /**
     * Writes {@code cagekit NAME ARGS...} to {@code dir/command.txt}, through a temporary file.
     *
     * @param dir the report folder, which must exist
     * @param name the subcommand
     * @param spec the subcommand's spec, whose parse result holds the arguments
     */
    static void write(Path dir, String name, CommandSpec spec) {
        String line =
                "cagekit "
                        + name
                        + " "
                        + String.join(" ", spec.commandLine().getParseResult().originalArgs())
                        + System.lineSeparator();
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, line, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e, e);
        }
    }
}
