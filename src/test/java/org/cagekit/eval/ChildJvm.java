package org.cagekit.eval;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs a main class in a separate JVM whose class path holds no DJL or PyTorch jar. */
public final class ChildJvm {
    /** Exit code, standard output and standard error of a finished child. */
    public record Outcome(int exitCode, String out, String err) {}

    private ChildJvm() {}

    /**
     * The test class path without DJL: surefire passes the real path in {@code
     * surefire.test.class.path} (its own {@code java.class.path} is a manifest-only jar), other
     * runners in {@code java.class.path}.
     */
    public static String classPathWithoutDjl() {
        String path =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !isDjl(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** True for a class-path entry from DJL or its PyTorch engine, JNI or native jars. */
    public static boolean isDjl(String entry) {
        String normalised = entry.replace('\\', '/');
        String name = normalised.substring(normalised.lastIndexOf('/') + 1);
        return normalised.contains("/ai/djl/")
                || name.startsWith("pytorch-")
                || name.startsWith("djl");
    }

    /**
     * Runs {@code mainClass} with the given JVM options and arguments, waiting at most {@code
     * timeoutSeconds}.
     */
    public static Outcome run(
            List<String> jvmOptions, String mainClass, List<String> args, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPathWithoutDjl());
        command.add(mainClass);
        command.addAll(args);
        try {
            Path out = Files.createTempFile("cagekit-child", ".out");
            Path err = Files.createTempFile("cagekit-child", ".err");
            try {
                Process process =
                        new ProcessBuilder(command)
                                .redirectOutput(out.toFile())
                                .redirectError(err.toFile())
                                .start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            mainClass + " did not finish within " + timeoutSeconds + " s");
                }
                return new Outcome(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
