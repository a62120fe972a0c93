package org.cagekit.report.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes small report folders in the evaluator's and trainer's formats, for the rendering tests,
 * and checks pictures.
 */
public final class ReportFixture {
    /** Class names of the fixture, ids 1 to 3. */
    public static final String[] CLASSES = {"WALKING", "SITTING", "LIE_TO_STAND"};

    /** Windows per class in embeddings_test.csv: 30 + 20 + 10 = 60. */
    public static final int[] SIZES = {30, 20, 10};

    private ReportFixture() {}

    /** A complete run folder: every CSV the evaluator and trainer write, model.json, command. */
    public static void writeRun(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeEmbeddings(dir.resolve("embeddings_test.csv"), 4, 17);
        // The evaluator's layout for the test split, the plain layout for validation.
        write(
                dir.resolve("confusion_test.csv"),
                "true_label,true_name,pred_1,pred_2,pred_3\n"
                        + "1,WALKING,27,2,1\n"
                        + "2,SITTING,3,16,1\n"
                        + "3,LIE_TO_STAND,0,4,6\n");
        write(
                dir.resolve("confusion_val.csv"),
                "true\\predicted,WALKING,SITTING,LIE_TO_STAND\n"
                        + "WALKING,25,5,0\n"
                        + "SITTING,3,16,1\n"
                        + "LIE_TO_STAND,0,4,6\n");
        write(
                dir.resolve("history.csv"),
                "epoch,loss,top1,temperature,lr,seconds,windows_per_s,val_loss,val_top1,"
                        + "mean_cosine,grad_norm\n"
                        + "1,4.1,0.21,0.1,0.001,10.0,900.0,4.2,0.2,0.5,1.0\n"
                        + "2,3.2,0.45,0.09,0.001,10.0,910.0,3.4,0.41,0.4,0.9\n"
                        + "3,2.6,0.62,0.085,0.001,10.0,905.0,2.9,0.55,,0.8\n");
        write(
                dir.resolve("knn_k.csv"),
                "k,val_accuracy,test_accuracy,val_macro_f1,test_macro_f1\n"
                        + "1,0.78,0.76,0.7,0.7\n3,0.8,0.79,0.7,0.7\n5,0.81,0.8,0.7,0.7\n"
                        + "7,0.82,0.8,0.7,0.7\n9,0.815,0.805,0.7,0.7\n15,0.8,0.79,0.7,0.7\n"
                        + "25,0.77,0.78,0.7,0.7\n");
        write(
                dir.resolve("metrics.csv"),
                "split,metric,value\nval,windows,60\nval,accuracy,0.78333\nval,macro_f1,0.7012\n"
                        + "test,windows,60\ntest,accuracy,0.81667\ntest,macro_f1,0.7290\n");
        String perClass =
                "label,class_name,precision,recall,f1,support\n1,WALKING,0.9,0.9,0.9,30\n"
                        + "2,SITTING,0.7273,0.8,0.7619,20\n3,LIE_TO_STAND,0.75,0.6,0.6667,10\n";
        write(dir.resolve("per_class_test.csv"), perClass);
        write(dir.resolve("per_class_val.csv"), perClass);
        write(
                dir.resolve("embedding_distances.csv"),
                "split,label,class_name,windows,intra_class_distance,inter_class_distance,ratio\n"
                        + "test,1,WALKING,30,0.2,0.8,0.25\ntest,2,SITTING,20,0.3,0.7,0.4286\n"
                        + "test,3,LIE_TO_STAND,10,0.35,0.75,0.4667\n");
        write(dir.resolve("evaluation.csv"), "key,value\nk,7\nmetric,cosine\n");
        write(
                dir.resolve("model.json"),
                "{\"architecture\":{\"embeddingDim\":4},\"dataset\":\"hapt\","
                        + "\"protocol\":\"hapt-13\",\"samplingRateHz\":50.0,\"windowLength\":128,"
                        + "\"classNames\":{\"1\":\"WALKING\",\"2\":\"SITTING\","
                        + "\"3\":\"LIE_TO_STAND\"},\"loss\":{\"loss\":\"ntxent\"},\"seed\":7,"
                        + "\"epochs\":3}");
        write(dir.resolve("command.txt"), "cagekit pipeline --dataset hapt --epochs 3 <&>\n");
    }

    /**
     * Embeddings of three classes around well-separated centres (class c has mean 3 in coordinate c
     * - 1 of both modalities), labels as class ids 1 to 3.
     */
    public static void writeEmbeddings(Path file, int d, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("window,subject,label");
        for (int j = 0; j < d; j++) {
            csv.append(",accel_").append(j);
        }
        for (int j = 0; j < d; j++) {
            csv.append(",gyro_").append(j);
        }
        csv.append(",class_name\n");
        int window = 0;
        for (int c = 0; c < SIZES.length; c++) {
            for (int i = 0; i < SIZES[c]; i++) {
                csv.append(window).append(',').append(window % 5 + 1).append(',').append(c + 1);
                for (int m = 0; m < 2; m++) {
                    for (int j = 0; j < d; j++) {
                        double v = (j == c ? 3 : 0) + 0.3 * random.nextGaussian();
                        csv.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                    }
                }
                csv.append(',').append(CLASSES[c]).append('\n');
                window++;
            }
        }
        write(file, csv.toString());
    }

    /** Writes a UTF-8 file. */
    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Decodes a PNG, failing when the file is not a readable image. */
    public static BufferedImage decode(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new AssertionError(file + " is not a readable image");
        }
        return image;
    }

    /** Variance of the luminance (0 to 255) over every pixel; 0 for a blank picture. */
    public static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double l =
                        0.299 * ((rgb >> 16) & 0xFF)
                                + 0.587 * ((rgb >> 8) & 0xFF)
                                + 0.114 * (rgb & 0xFF);
                sum += l;
                squares += l * l;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    /** Fast options for tests: 250 t-SNE iterations, perplexity 10. */
    public static RenderOptions quickOptions() {
        return RenderOptions.defaults().withTsneIterations(250).withTsnePerplexity(10);
    }
}
