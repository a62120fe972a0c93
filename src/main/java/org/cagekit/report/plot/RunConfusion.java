package org.cagekit.report.plot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test confusion matrix of one finished experiment run, read from its result file {@code
 * runs/VARIANT/seed-S.json}: the fields {@code variant}, {@code test.classIds} (ascending class
 * ids) and {@code test.confusion} (rows true, columns predicted, over those ids). Other fields are
 * ignored, so the reader does not depend on the experiment code.
 *
 * @param variant the run's variant
 * @param test its test confusion matrix, classes named through the given names
 */
public record RunConfusion(String variant, ConfusionCounts test) {

    /**
     * Reads a result file.
     *
     * @param classNames class id to name; an id without a name is shown as {@code class N}
     * @throws IllegalArgumentException naming the file when a field is missing or malformed
     */
    public static RunConfusion read(Path file, Map<Integer, String> classNames) {
        try {
            JsonObject root = JsonParser.parseString(RunReportPage.read(file)).getAsJsonObject();
            String variant = field(root, "variant", file).getAsString();
            JsonObject test = field(root, "test", file).getAsJsonObject();
            JsonArray ids = field(test, "classIds", file).getAsJsonArray();
            JsonArray rows = field(test, "confusion", file).getAsJsonArray();
            List<String> names = new ArrayList<>();
            for (JsonElement id : ids) {
                int c = id.getAsInt();
                names.add(classNames.getOrDefault(c, "class " + c));
            }
            long[][] counts = new long[rows.size()][];
            for (int r = 0; r < counts.length; r++) {
                JsonArray row = rows.get(r).getAsJsonArray();
                counts[r] = new long[row.size()];
                for (int c = 0; c < counts[r].length; c++) {
                    counts[r][c] = row.get(c).getAsLong();
                }
            }
            return new RunConfusion(variant, new ConfusionCounts(names, counts));
        } catch (JsonParseException
                | IllegalStateException
                | UnsupportedOperationException
                | NumberFormatException e) {
            throw new IllegalArgumentException(
                    file
                            + ": not a run result with variant, test.classIds and test.confusion"
                            + " ("
                            + e.getMessage()
                            + ")",
                    e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonElement field(JsonObject object, String name, Path file) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException(file + ": no field " + name);
        }
        return value;
    }
}
