package org.cagekit.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.cagekit.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code cagekit} command. Results go to stdout, diagnostics to stderr; exit codes are {@link
 * #OK}, {@link #FAILURE} and {@link #USAGE}.
 */
@Command(
        name = "cagekit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        header = "Contrastive accelerometer-gyroscope encoders for activity recognition.",
        description = {
            "Prepares windows from real recordings, trains encoders with DJL, exports them to"
                    + " ONNX and evaluates exported models with ONNX Runtime.",
            "Datasets are found under --data-dir, else $CAGEKIT_DATA, else ./datasets."
        },
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a command that did what was asked. */
    public static final int OK = 0;

    /** Exit code of a command that failed: bad data, I/O or a numerical failure. */
    public static final int FAILURE = 1;

    /** Exit code of a command line that could not be understood. */
    public static final int USAGE = 2;

    @Option(
            names = {"-v", "--verbose"},
            description = "More log output on stderr; repeat for debug.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean[] verbose = new boolean[0];

    @Option(
            names = {"-q", "--quiet"},
            description = "Only warnings and errors on stderr.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean quiet;

    @Option(
            names = "--stacktrace",
            description = "Print the full stack trace of an error.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean stacktrace;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        configureLogging(args);
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams and returns its exit code, without exiting. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (System.getProperty("ai.djl.offline") == null) {
            // Natives come from the pinned jars; DJL must never try the network.
            System.setProperty("ai.djl.offline", "true");
        }
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
        commandLine.setExecutionExceptionHandler(
                (e, cmd, parseResult) -> {
                    reportError(e, cmd.getErr(), stacktrace);
                    return e instanceof CommandLine.ParameterException ? USAGE : FAILURE;
                });
        commandLine.setParameterExceptionHandler(
                (e, argv) -> {
                    PrintWriter w = e.getCommandLine().getErr();
                    w.println("cagekit: " + e.getMessage());
                    w.println(
                            "Try '"
                                    + e.getCommandLine().getCommandSpec().qualifiedName()
                                    + " --help' for more information.");
                    return USAGE;
                });
        return commandLine.execute(args);
    }

    /** The command tree, with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        for (Object subcommand : Subcommands.all()) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static void reportError(Exception thrown, PrintWriter err, boolean stacktrace) {
        Exception e = unwrap(thrown);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // One line: a library message may carry a second line of advice (Gson does).
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        if (e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException
                || e instanceof java.io.IOException) {
            err.println("cagekit: " + message);
        } else {
            err.println("cagekit: " + e.getClass().getSimpleName() + ": " + message);
        }
        if (stacktrace) {
            thrown.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * The exception to report: a wrapper that only carries another exception (a worker's failure
     * rethrown by a pool, whose message is the cause's {@code toString()}) gives way to its cause.
     */
    private static Exception unwrap(Exception e) {
        Throwable current = e;
        while (current.getCause() instanceof Exception cause
                && (current.getMessage() == null
                        || current.getMessage().equals(cause.toString())
                        || current instanceof java.util.concurrent.ExecutionException
                        || current instanceof java.util.concurrent.CompletionException)) {
            current = cause;
        }
        return (Exception) current;
    }

    private static void configureLogging(String[] args) {
        List<String> list = Arrays.asList(args);
        long verbosity =
                list.stream()
                        .filter(a -> a.matches("-v+|--verbose"))
                        .mapToLong(a -> a.startsWith("--") ? 1 : a.length() - 1)
                        .sum();
        String level = "info";
        if (list.contains("-q") || list.contains("--quiet")) {
            level = "warn";
        } else if (verbosity >= 2) {
            level = "trace";
        } else if (verbosity == 1) {
            level = "debug";
        }
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
        // DJL warns on every start that this machine has no CUDA driver, and Smile logs each
        // hundred t-SNE iterations; neither helps a user unless asked for.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", verbosity >= 1 ? "debug" : "error");
        setIfAbsent("org.slf4j.simpleLogger.log.smile", verbosity >= 1 ? "debug" : "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Prints the version and the source revision. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "cagekit " + BuildInfo.version() + " (revision " + BuildInfo.revision() + ")"
            };
        }
    }
}
