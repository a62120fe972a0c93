package org.cagekit.eval;

import java.nio.file.Path;
import java.util.Objects;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolOptions;
import org.cagekit.data.WindowCache;

/**
 * The windows an exported model is evaluated on: its dataset and protocol with the protocol
 * parameters recorded in its model card (filter, window, strides, label rule, classes and the split
 * users), so that the splits are exactly those the model was trained and validated with. The
 * windows are prepared without standardisation; {@link Evaluator#modelInput} standardises them with
 * the card's statistics when the graph does not do so itself.
 */
public final class ModelData {
    private ModelData() {}

    /**
     * The protocol options recorded in the card, with standardisation switched off.
     *
     * @throws IllegalArgumentException naming the parameter when the card holds an unknown one
     */
    public static ProtocolOptions options(ModelCard card) {
        Objects.requireNonNull(card, "card");
        return ProtocolOptions.fromParameters(card.protocolParameters).standardise(false);
    }

    /**
     * Prepares the card's dataset and protocol.
     *
     * @param dataRoot the folder holding the dataset folders
     * @param card the model's card
     * @param cache the window cache
     */
    public static PreparedData prepare(Path dataRoot, ModelCard card, WindowCache cache) {
        return Preparer.prepare(dataRoot, card.dataset, card.protocol, options(card), cache);
    }
}
