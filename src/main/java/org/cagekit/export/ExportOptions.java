package org.cagekit.export;

/**
 * How an encoder is written to ONNX.
 *
 * <p>{@code opset} is the default-domain opset the model imports, from {@link #MIN_OPSET} to {@link
 * #MAX_OPSET}; the IR version follows from it ({@link #irVersion()}). With {@code
 * normalisationInGraph} the train split's standardisation is the first step of the graph, so the
 * inputs are filtered but unstandardised windows; without it the caller standardises, and the
 * metadata key {@link ExportMetadata#NORMALISED_IN_GRAPH} says {@code false}.
 *
 * @param opset default-domain opset version
 * @param normalisationInGraph whether the graph standardises its inputs
 */
public record ExportOptions(int opset, boolean normalisationInGraph) {
    /** The oldest opset written: the one in which every operator used has its current form. */
    public static final int MIN_OPSET = 13;

    /** The newest opset written and tested with the bundled ONNX Runtime. */
    public static final int MAX_OPSET = 21;

    /** The opset written unless asked otherwise. */
    public static final int DEFAULT_OPSET = 17;

    /**
     * @throws IllegalArgumentException for an opset outside the supported range
     */
    public ExportOptions {
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new IllegalArgumentException(
                    "opset must be between "
                            + MIN_OPSET
                            + " and "
                            + MAX_OPSET
                            + ", found "
                            + opset);
        }
    }

    /** Opset {@link #DEFAULT_OPSET} with the standardisation in the graph. */
    public static ExportOptions defaults() {
        return new ExportOptions(DEFAULT_OPSET, true);
    }

    /**
     * The ONNX IR version released together with {@link #opset()}: 7 for opset 13, 8 for 14 to 18,
     * 9 for 19 and 20, 10 for 21. A reader that knows the opset knows this IR version too.
     */
    public long irVersion() {
        if (opset <= 13) {
            return 7;
        } else if (opset <= 18) {
            return 8;
        } else if (opset <= 20) {
            return 9;
        }
        return 10;
    }
}
