import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.cagekit.eval.DistanceMetric;
import org.cagekit.eval.KnnClassifier;
import org.cagekit.eval.VoteWeights;

/**
 * Java side of the KNN benchmark, run as a single-file program against cagekit's classes (see
 * knn.sh).
 *
 * <pre>
 *   KnnBench same DIR          the set knn_sklearn.py wrote: k = 7, cosine, distance weights,
 *                              one warm-up, best of five; prints "cagekit SECONDS QUERIES/S"
 *                              and the agreement with scikit-learn's predictions
 *   KnnBench large N M D       N seeded random references and M queries of dimension D, one run;
 *                              prints time, queries/s and peak memory (heap, direct buffers,
 *                              resident set)
 * </pre>
 */
public final class KnnBench {
    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        if (args.length == 2 && args[0].equals("same")) {
            same(Path.of(args[1]), threads);
        } else if (args.length == 4 && args[0].equals("large")) {
            large(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    threads);
        } else {
            System.err.println("usage: KnnBench same DIR | KnnBench large N M D");
            System.exit(2);
        }
    }

    static void same(Path dir, int threads) throws IOException {
        String[] shape = Files.readString(dir.resolve("shape.txt")).trim().split(" ");
        int n = Integer.parseInt(shape[0]);
        int m = Integer.parseInt(shape[1]);
        int d = Integer.parseInt(shape[2]);
        float[][] reference = floats(dir.resolve("references.f32"), n, d);
        float[][] queries = floats(dir.resolve("queries.f32"), m, d);
        int[] labels = ints(dir.resolve("labels.i32"), n);
        int[] expected = ints(dir.resolve("sklearn.i32"), m);
        KnnClassifier knn =
                new KnnClassifier(
                        reference, labels, 7, DistanceMetric.COSINE, VoteWeights.DISTANCE, threads);
        int[] predicted = knn.predict(queries);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            predicted = knn.predict(queries);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        int agree = 0;
        for (int q = 0; q < m; q++) {
            if (predicted[q] == expected[q]) {
                agree++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "cagekit %.4f %.0f  (%d threads; predictions equal to scikit-learn's: %d of %d)%n",
                best, m / best, threads, agree, m);
    }

    static void large(int n, int m, int d, int threads) {
        Random random = new Random(1);
        float[][] reference = new float[n][d];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                reference[r][i] = (float) random.nextGaussian();
            }
            labels[r] = r % 13;
        }
        float[][] queries = new float[m][d];
        for (float[] q : queries) {
            for (int i = 0; i < d; i++) {
                q[i] = (float) random.nextGaussian();
            }
        }
        KnnClassifier knn =
                new KnnClassifier(
                        reference, labels, 7, DistanceMetric.COSINE, VoteWeights.DISTANCE, threads);
        long[] peakHeap = {0};
        long[] peakDirect = {0};
        Thread monitor =
                new Thread(
                        () -> {
                            BufferPoolMXBean direct =
                                    ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
                                            .stream()
                                            .filter(b -> b.getName().equals("direct"))
                                            .findFirst()
                                            .orElseThrow();
                            while (!Thread.currentThread().isInterrupted()) {
                                Runtime rt = Runtime.getRuntime();
                                long used = rt.totalMemory() - rt.freeMemory();
                                peakHeap[0] = Math.max(peakHeap[0], used);
                                peakDirect[0] = Math.max(peakDirect[0], direct.getMemoryUsed());
                                try {
                                    Thread.sleep(200);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
        monitor.setDaemon(true);
        monitor.start();
        long start = System.nanoTime();
        int[] predicted = knn.predict(queries);
        double seconds = (System.nanoTime() - start) / 1e9;
        monitor.interrupt();
        long checksum = 0;
        for (int p : predicted) {
            checksum = checksum * 31 + p;
        }
        System.out.printf(
                Locale.ROOT,
                "large %d references x %d queries (d=%d, %d threads): %.1f s, %.0f queries/s;"
                        + " peak heap in use %d MiB, peak direct %d MiB, peak resident %d MiB"
                        + " (references alone: %d MiB as float[][]); checksum %d%n",
                n, m, d, threads, seconds, m / seconds, peakHeap[0] >> 20, peakDirect[0] >> 20,
                peakResidentKib() >> 10, ((long) n * (d * 4 + 16)) >> 20, checksum);
    }

    static long peakResidentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static float[][] floats(Path file, int rows, int d) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[][] x = new float[rows][d];
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                row[i] = b.getFloat();
            }
        }
        return x;
    }

    static int[] ints(Path file, int n) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = b.getInt();
        }
        return x;
    }
}
