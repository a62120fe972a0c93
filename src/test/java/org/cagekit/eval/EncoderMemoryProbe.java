package org.cagekit.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.cagekit.data.WindowSet;

/**
 * Embeds the same 16 windows of 3 + 3 channels x 128 samples many times with one encoder and prints
 * the process's resident memory (KiB) after a warm-up (until compiled code and allocator pools have
 * settled) and after the measured calls, as {@code rss-kib BEFORE AFTER}. Run in a JVM with a
 * fixed, pre-touched heap so that only memory outside the heap can change.
 *
 * <p>Arguments: the model file and the number of measured calls.
 */
public final class EncoderMemoryProbe {
    private EncoderMemoryProbe() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int calls = Integer.parseInt(args[1]);
        int n = 16;
        int length = 128;
        Random random = new Random(3);
        float[] accel = new float[n * 3 * length];
        float[] gyro = new float[n * 3 * length];
        for (int i = 0; i < accel.length; i++) {
            accel[i] = (float) random.nextGaussian();
            gyro[i] = (float) random.nextGaussian();
        }
        WindowSet windows =
                new WindowSet(3, 3, length, accel, gyro, new int[n], new int[n], new int[n]);
        try (OnnxEncoder encoder = OnnxEncoder.open(file, 1)) {
            // Warm up until compiled code and allocator pools settle: 1,000 calls at a time
            // until one round after the fifth adds less than 1 MiB, for at most 30,000 calls.
            long previous = residentKib();
            for (int round = 0; round < 30; round++) {
                for (int i = 0; i < 1_000; i++) {
                    encoder.encode(windows, n);
                }
                long now = residentKib();
                if (round >= 4 && now - previous < 1024) {
                    break;
                }
                previous = now;
            }
            long before = residentKib();
            for (int i = 0; i < calls; i++) {
                encoder.encode(windows, n);
            }
            System.out.println("rss-kib " + before + " " + residentKib());
        }
    }

    private static long residentKib() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("/proc/self/status has no VmRSS line");
    }
}
