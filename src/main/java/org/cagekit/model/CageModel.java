package org.cagekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Contrastive accelerometer-gyroscope embedding model: two 1-D convolutional encoders, one per
 * modality, each followed by a bias-free linear projection and L2 normalisation.
 *
 * <p>Input: {@code NDList(accel [N, Ca, T], gyro [N, Cg, T])}, float32, convolutions running over
 * time (axis 2). Output: {@code NDList(accelEmbedding [N, d], gyroEmbedding [N, d], logitScale
 * [1])}, where both embeddings have unit L2 norm per row and {@code logitScale} is the learnable
 * log logit scale θ (a loss with a learnable temperature uses {@code exp(θ)}; the others ignore
 * it).
 *
 * <p>θ is a parameter of this block, not of the loss, because DJL's trainer updates only the
 * parameters of the model's block tree. Children, by name: {@code accelEncoder}, {@code
 * gyroEncoder} (each a {@link SequentialBlock} of {@link Conv1d}, {@link ReluBlock}, {@link
 * MaxPool1dBlock} and a final {@link TemporalMeanBlock}), {@code accelProjection}, {@code
 * gyroProjection} (bias-free {@link Linear}) and {@code normalise} ({@link L2NormBlock}).
 */
public final class CageModel extends AbstractBlock {
    /** Name of the learnable log logit scale parameter. */
    public static final String LOGIT_SCALE = "logitScale";

    private static final byte VERSION = 1;

    private final ModelConfig config;
    private final SequentialBlock accelEncoder;
    private final SequentialBlock gyroEncoder;
    private final Linear accelProjection;
    private final Linear gyroProjection;
    private final L2NormBlock normalise;
    private final Parameter logitScale;

    public CageModel(ModelConfig config) {
        super(VERSION);
        this.config = config;
        accelEncoder = addChildBlock("accelEncoder", encoder(config));
        gyroEncoder = addChildBlock("gyroEncoder", encoder(config));
        accelProjection = addChildBlock("accelProjection", projection(config));
        gyroProjection = addChildBlock("gyroProjection", projection(config));
        normalise = addChildBlock("normalise", new L2NormBlock());
        logitScale =
                addParameter(
                        Parameter.builder()
                                .setName(LOGIT_SCALE)
                                .setType(Parameter.Type.OTHER)
                                .optShape(new Shape(1))
                                .optInitializer(new ConstantInitializer(config.initialLogitScale()))
                                .build());
    }

    public ModelConfig config() {
        return config;
    }

    public SequentialBlock accelEncoder() {
        return accelEncoder;
    }

    public SequentialBlock gyroEncoder() {
        return gyroEncoder;
    }

    public Linear accelProjection() {
        return accelProjection;
    }

    public Linear gyroProjection() {
        return gyroProjection;
    }

    /** The learnable log logit scale θ, shape {@code [1]}. */
    public Parameter logitScale() {
        return logitScale;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray accel = inputs.get(0);
        NDArray gyro = inputs.get(1);
        NDArray a = embed(parameterStore, accelEncoder, accelProjection, accel, training);
        NDArray g = embed(parameterStore, gyroEncoder, gyroProjection, gyro, training);
        NDArray theta = parameterStore.getValue(logitScale, accel.getDevice(), training);
        return new NDList(a, g, theta);
    }

    private NDArray embed(
            ParameterStore parameterStore,
            SequentialBlock encoder,
            Linear projection,
            NDArray input,
            boolean training) {
        NDList features = encoder.forward(parameterStore, new NDList(input), training);
        NDList projected = projection.forward(parameterStore, features, training);
        return normalise.forward(parameterStore, projected, training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape accelShape = inputShapes[0];
        Shape gyroShape = inputShapes[1];
        accelEncoder.initialize(manager, dataType, accelShape);
        gyroEncoder.initialize(manager, dataType, gyroShape);
        Shape features = new Shape(accelShape.get(0), config.width());
        accelProjection.initialize(manager, dataType, features);
        gyroProjection.initialize(manager, dataType, new Shape(gyroShape.get(0), config.width()));
        normalise.initialize(
                manager, dataType, new Shape(accelShape.get(0), config.embeddingDim()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        Shape embedding = new Shape(n, config.embeddingDim());
        return new Shape[] {embedding, embedding, new Shape(1)};
    }

    private static SequentialBlock encoder(ModelConfig config) {
        SequentialBlock block = new SequentialBlock();
        for (int layer = 0; layer < config.depth(); layer++) {
            block.add(
                    Conv1d.builder()
                            .setKernelShape(new Shape(config.kernel()))
                            .setFilters(config.width())
                            .optStride(new Shape(1))
                            .optPadding(new Shape(config.kernel() / 2))
                            .optBias(true)
                            .build());
            block.add(new ReluBlock());
            if (layer < config.depth() - 1) {
                block.add(new MaxPool1dBlock(2, 2));
            }
        }
        block.add(new TemporalMeanBlock());
        return block;
    }

    private static Linear projection(ModelConfig config) {
        return Linear.builder().setUnits(config.embeddingDim()).optBias(false).build();
    }
}
