package org.cagekit.model;

/**
 * The shape of a {@link CageModel}: input channels per modality, encoder width and depth, the
 * embedding size and the convolution kernel.
 *
 * <p>Each encoder has {@code depth} convolution layers of {@code width} filters (kernel {@code
 * kernel}, stride 1, padding {@code kernel / 2}) with ReLU; every layer but the last is followed by
 * max pooling of size 2, stride 2. The last feature map is averaged over time.
 *
 * @param accelChannels accelerometer input channels
 * @param gyroChannels gyroscope input channels
 * @param width filters per convolution layer
 * @param depth convolution layers per encoder, at least 1
 * @param embeddingDim size of each modality's projected embedding
 * @param kernel convolution kernel size, odd
 * @param initialLogitScale the starting value of the learnable log logit scale θ (the logit scale
 *     is {@code exp(θ)}); CLIP starts at {@code ln(1 / 0.07)}
 */
public record ModelConfig(
        int accelChannels,
        int gyroChannels,
        int width,
        int depth,
        int embeddingDim,
        int kernel,
        float initialLogitScale) {

    /** CLIP's starting value for θ: {@code ln(1 / 0.07)}, a temperature of 0.07. */
    public static final float CLIP_INITIAL_LOGIT_SCALE = (float) Math.log(1 / 0.07);

    public ModelConfig {
        if (accelChannels < 1 || gyroChannels < 1) {
            throw new IllegalArgumentException(
                    "each modality needs at least one channel, found accel "
                            + accelChannels
                            + ", gyro "
                            + gyroChannels);
        }
        if (width < 1 || depth < 1 || embeddingDim < 1) {
            throw new IllegalArgumentException(
                    "width, depth and embedding size must be positive, found "
                            + width
                            + ", "
                            + depth
                            + ", "
                            + embeddingDim);
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel must be odd and positive, found " + kernel);
        }
    }

    /** The study's architecture: width 64, depth 3, kernel 3, embedding size 64. */
    public static ModelConfig standard(int accelChannels, int gyroChannels) {
        return new ModelConfig(accelChannels, gyroChannels, 64, 3, 64, 3, CLIP_INITIAL_LOGIT_SCALE);
    }
}
