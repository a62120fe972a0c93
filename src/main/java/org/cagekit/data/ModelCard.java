package org.cagekit.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything known about a trained encoder apart from its weights: architecture, the protocol and
 * its parameters, channel and class names, normalisation statistics, loss settings, seed and the
 * cagekit build. It is written as {@code model.json} beside the parameters and copied into an
 * exported ONNX file's {@code metadata_props}, so that evaluation needs nothing but the {@code
 * .onnx} file.
 *
 * <p>This class is plain data with no DJL dependency; the evaluation side reads it too.
 */
public final class ModelCard {
    /** metadata_props key under which the whole card is stored as JSON. */
    public static final String METADATA_KEY = "cagekit.model_card";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** Architecture: accelChannels, gyroChannels, width, depth, embeddingDim, kernel. */
    public Map<String, Integer> architecture = new LinkedHashMap<>();

    public String dataset;
    public String protocol;
    public Map<String, String> protocolParameters = new LinkedHashMap<>();
    public double samplingRateHz;
    public int windowLength;
    public List<String> accelChannels = List.of();
    public List<String> gyroChannels = List.of();
    public SortedMap<Integer, String> classNames = new TreeMap<>();
    public float[] accelMean = new float[0];
    public float[] accelStd = new float[0];
    public float[] gyroMean = new float[0];
    public float[] gyroStd = new float[0];

    /** Loss name and its settings, for example {@code loss=ntxent, temperature=learnable}. */
    public Map<String, String> loss = new LinkedHashMap<>();

    public long seed;
    public int epochs;
    public String cagekitVersion;
    public String sourceRevision;

    /** A card describing windows prepared by a protocol; architecture and loss left empty. */
    public static ModelCard describing(PreparedData data) {
        ModelCard card = new ModelCard();
        card.dataset = data.dataset();
        card.protocol = data.protocol();
        card.protocolParameters = new LinkedHashMap<>(data.parameters());
        card.samplingRateHz = data.samplingRateHz();
        card.windowLength = data.windowLength();
        card.accelChannels = data.accelChannels();
        card.gyroChannels = data.gyroChannels();
        card.classNames = new TreeMap<>(data.classNames());
        Normalisation n = data.normalisation();
        card.accelMean = n.accelMean();
        card.accelStd = n.accelStd();
        card.gyroMean = n.gyroMean();
        card.gyroStd = n.gyroStd();
        return card;
    }

    /** The normalisation statistics the model was trained with. */
    public Normalisation normalisation() {
        return new Normalisation(accelMean, accelStd, gyroMean, gyroStd);
    }

    /** Embedding size of one modality. */
    public int embeddingDim() {
        Integer d = architecture.get("embeddingDim");
        if (d == null) {
            throw new IllegalStateException("model card has no architecture.embeddingDim");
        }
        return d;
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Parses a card.
     *
     * @param json the text
     * @param source where the text came from, for error messages
     * @throws IllegalArgumentException naming {@code source} when the text is not a card
     */
    public static ModelCard fromJson(String json, String source) {
        try {
            ModelCard card = GSON.fromJson(json, new TypeToken<ModelCard>() {}.getType());
            if (card == null || card.protocol == null || card.dataset == null) {
                throw new IllegalArgumentException(
                        source + ": not a cagekit model card (no dataset or protocol field)");
            }
            return card;
        } catch (JsonParseException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            // Gson appends a line of advice and a link; the first line says what is wrong.
            reason = reason.lines().findFirst().orElse(reason);
            throw new IllegalArgumentException(source + ": not a cagekit model card: " + reason, e);
        }
    }

    /** Reads {@code model.json}. */
    public static ModelCard read(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model card " + file + ": " + e, e);
        }
    }

    /** Writes the card to a temporary name beside {@code file}, then moves it into place. */
    public void write(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model card " + file + ": " + e, e);
        }
    }
}
