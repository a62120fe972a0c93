package org.cagekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Row-wise L2 normalisation, {@code x / max(||x||, eps)} over the last axis of {@code [N, d]}.
 *
 * <p>The floor {@link #EPSILON} keeps an all-zero row at zero instead of NaN, and keeps its
 * gradient finite.
 */
public final class L2NormBlock extends AbstractBlock {
    /** The smallest norm divided by; PyTorch's {@code F.normalize} uses the same default. */
    public static final float EPSILON = 1e-12f;

    private static final byte VERSION = 1;

    public L2NormBlock() {
        super(VERSION);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray norm = x.square().sum(new int[] {1}, true).sqrt().maximum(EPSILON);
        return new NDList(x.div(norm));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
