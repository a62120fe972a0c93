package org.cagekit.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Max pooling over time, {@code [N, C, T] -> [N, C, floor((T - size) / stride) + 1]}, no padding,
 * floor rounding (an odd trailing sample is dropped, as in PyTorch's default).
 */
public final class MaxPool1dBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int size;
    private final int stride;

    public MaxPool1dBlock(int size, int stride) {
        super(VERSION);
        this.size = size;
        this.stride = stride;
    }

    /** The pooling window, in samples. */
    public int size() {
        return size;
    }

    /** The step between pooling windows, in samples. */
    public int stride() {
        return stride;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(
                Pool.maxPool1d(
                        inputs.singletonOrThrow(),
                        new Shape(size),
                        new Shape(stride),
                        new Shape(0),
                        false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long length = (in.get(2) - size) / stride + 1;
        return new Shape[] {new Shape(in.get(0), in.get(1), length)};
    }
}
