package org.cagekit.experiment;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cagekit.BuildInfo;

/** Lines describing the machine and software an experiment ran on, for its report. */
public final class MachineDescription {
    private MachineDescription() {}

    /**
     * The processor, memory, operating system, Java and PyTorch versions and cagekit's revision.
     *
     * @param device the training device, {@code cpu} or {@code gpu}
     */
    public static List<String> describe(String device) {
        List<String> lines = new ArrayList<>();
        Runtime runtime = Runtime.getRuntime();
        lines.add(
                "processor: "
                        + cpuModel()
                        + ", "
                        + runtime.availableProcessors()
                        + " logical cores available to the JVM");
        long memory = physicalMemory();
        lines.add(
                String.format(
                        Locale.ROOT,
                        "memory: %s physical, JVM heap limit %.1f GiB",
                        memory > 0
                                ? String.format(Locale.ROOT, "%.1f GiB", memory / 1073741824.0)
                                : "unknown",
                        runtime.maxMemory() / 1073741824.0));
        lines.add(
                "system: "
                        + System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " ("
                        + System.getProperty("os.arch")
                        + ")");
        lines.add(
                "Java: "
                        + System.getProperty("java.vm.name")
                        + " "
                        + System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + ")");
        lines.add(
                "training: DJL "
                        + Engine.getDjlVersion()
                        + " with PyTorch "
                        + Engine.getInstance().getVersion()
                        + " on "
                        + device);
        lines.add("cagekit: " + BuildInfo.version() + " (revision " + BuildInfo.revision() + ")");
        return lines;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        int colon = line.indexOf(':');
                        if (colon >= 0) {
                            return line.substring(colon + 1).trim();
                        }
                    }
                }
            } catch (IOException e) {
                // Fall through to the architecture alone: the model name is a courtesy.
            }
        }
        return System.getProperty("os.arch");
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
