package org.cagekit.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Rectified linear unit, {@code max(x, 0)} elementwise, any shape.
 *
 * <p>A named class rather than DJL's lambda block so that the ONNX exporter can recognise it.
 */
public final class ReluBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    public ReluBlock() {
        super(VERSION);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(Activation.relu(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
