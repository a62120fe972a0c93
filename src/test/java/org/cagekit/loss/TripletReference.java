package org.cagekit.loss;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the fixture written by {@code tools/reference/triplet_reference.py}. */
final class TripletReference {
    static final String RESOURCE = "/org/cagekit/loss/triplet_reference.json";

    private TripletReference() {}

    static JsonObject load() {
        try (InputStream in = TripletReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE
                                + " is missing; regenerate it with"
                                + " tools/reference/triplet_reference.py");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(reader).getAsJsonObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    static int[] ints(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        int[] values = new int[a.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = a.get(i).getAsInt();
        }
        return values;
    }

    static long[] longs(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        long[] values = new long[a.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = a.get(i).getAsLong();
        }
        return values;
    }

    /** A matrix of float32-representable values, read exactly. */
    static float[][] floats(JsonElement matrix) {
        JsonArray rows = matrix.getAsJsonArray();
        float[][] values = new float[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            JsonArray row = rows.get(i).getAsJsonArray();
            values[i] = new float[row.size()];
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = (float) row.get(j).getAsDouble();
            }
        }
        return values;
    }

    static double[][] doubles(JsonElement matrix) {
        JsonArray rows = matrix.getAsJsonArray();
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            JsonArray row = rows.get(i).getAsJsonArray();
            values[i] = new double[row.size()];
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = row.get(j).getAsDouble();
            }
        }
        return values;
    }
}
