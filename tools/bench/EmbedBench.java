import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.cagekit.data.Normalisation;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.EncodedWindows;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.train.ModelFolder;

/**
 * Java side of the embedding benchmark (see embed.sh): the same trained weights run by ONNX
 * Runtime (the exported encoder.onnx) and by DJL (the model folder's best.params).
 *
 * <pre>
 *   EmbedBench MODEL_DIR WINDOWS BATCH OUT_DIR
 * </pre>
 *
 * Draws WINDOWS seeded standardised windows z ~ N(0, 1) of the card's shape and their sensor-unit
 * form x = z std + mean. ONNX Runtime gets x (its graph standardises), DJL gets z. Each side runs
 * once to warm up, then three times; the best time counts. Writes x (accel.f32, gyro.f32) and the
 * ONNX Runtime embeddings (ort.f32, [n][2d]) to OUT_DIR for the PyTorch side, and prints
 * "onnxruntime SECONDS WINDOWS/S" and "djl SECONDS WINDOWS/S" with the largest difference
 * between the two sides' embeddings.
 */
public final class EmbedBench {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        int threads = Runtime.getRuntime().availableProcessors();
        try (ModelFolder.Loaded loaded = ModelFolder.load(dir, true);
                OnnxEncoder encoder = OnnxEncoder.open(dir.resolve("encoder.onnx"), threads)) {
            int ca = loaded.card().accelChannels.size();
            int cg = loaded.card().gyroChannels.size();
            int t = loaded.card().windowLength;
            Normalisation norm = loaded.card().normalisation();
            Random random = new Random(5);
            float[] za = gaussian(random, n * ca * t);
            float[] zg = gaussian(random, n * cg * t);
            float[] xa = raw(za, norm.accelMean(), norm.accelStd(), t);
            float[] xg = raw(zg, norm.gyroMean(), norm.gyroStd(), t);
            WindowSet raw = new WindowSet(ca, cg, t, xa, xg, new int[n], new int[n], new int[n]);

            EncodedWindows ort = encoder.encode(raw, batch);
            double ortBest = Double.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                ort = encoder.encode(raw, batch);
                ortBest = Math.min(ortBest, (System.nanoTime() - start) / 1e9);
            }

            float[][] djl = djl(loaded, za, zg, n, ca, cg, t, batch);
            double djlBest = Double.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                djl = djl(loaded, za, zg, n, ca, cg, t, batch);
                djlBest = Math.min(djlBest, (System.nanoTime() - start) / 1e9);
            }
            double diff = 0;
            for (int w = 0; w < n; w++) {
                for (int i = 0; i < djl[w].length; i++) {
                    diff = Math.max(diff, Math.abs(djl[w][i] - ort.joint()[w][i]));
                }
            }
            Files.createDirectories(out);
            write(out.resolve("accel.f32"), xa);
            write(out.resolve("gyro.f32"), xg);
            float[] joint = new float[n * ort.joint()[0].length];
            for (int w = 0; w < n; w++) {
                System.arraycopy(ort.joint()[w], 0, joint, w * ort.joint()[w].length,
                        ort.joint()[w].length);
            }
            write(out.resolve("ort.f32"), joint);
            Files.writeString(out.resolve("shape.txt"), n + " " + ca + " " + cg + " " + t + "\n");
            System.out.printf(Locale.ROOT,
                    "onnxruntime %.4f %.0f  (%d intra-op threads, batch %d)%n",
                    ortBest, n / ortBest, threads, batch);
            System.out.printf(Locale.ROOT,
                    "djl %.4f %.0f  (largest difference from ONNX Runtime %.2e)%n",
                    djlBest, n / djlBest, diff);
        }
    }

    static float[][] djl(ModelFolder.Loaded loaded, float[] za, float[] zg, int n, int ca, int cg,
            int t, int batch) {
        float[][] joint = new float[n][];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < n; from += batch) {
                int b = Math.min(batch, n - from);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray a = scope.create(
                            Arrays.copyOfRange(za, from * ca * t, (from + b) * ca * t),
                            new Shape(b, ca, t));
                    NDArray g = scope.create(
                            Arrays.copyOfRange(zg, from * cg * t, (from + b) * cg * t),
                            new Shape(b, cg, t));
                    NDList result = loaded.block().forward(new ParameterStore(scope, false),
                            new NDList(a, g), false);
                    float[] both = result.get(0).concat(result.get(1), 1).toFloatArray();
                    int d = both.length / b;
                    for (int i = 0; i < b; i++) {
                        joint[from + i] = Arrays.copyOfRange(both, i * d, (i + 1) * d);
                    }
                }
            }
        }
        return joint;
    }

    static float[] gaussian(Random random, int count) {
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    static float[] raw(float[] z, float[] mean, float[] std, int t) {
        float[] x = new float[z.length];
        int c = mean.length;
        for (int i = 0; i < z.length; i++) {
            int channel = (i / t) % c;
            x[i] = z[i] * std[channel] + mean[channel];
        }
        return x;
    }

    static void write(Path file, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
    }
}
