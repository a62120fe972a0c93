package org.cagekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam over a fixed list of parameters, whose state (step count and both moments) can be saved and
 * restored, which DJL's own {@code Adam} does not offer and a bit-exact resume needs.
 *
 * <p>For step {@code t} and gradient {@code g + λw} (weight decay λ added to the gradient, as in
 * PyTorch's {@code Adam}, not AdamW): {@code m = β₁m + (1−β₁)g}, {@code v = β₂v + (1−β₂)g²}, {@code
 * w −= η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)}, with β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. The update runs as
 * the engine's fused Adam kernel, which also zeroes each gradient.
 */
final class AdamOptimizer implements AutoCloseable {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final List<Parameter> parameters;
    private final NDManager manager;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float weightDecay;
    private long step;

    /**
     * @param parameters the parameters to update, in a fixed order
     * @param manager the parent of the manager that holds the moments
     * @param weightDecay λ
     */
    AdamOptimizer(List<Parameter> parameters, NDManager manager, float weightDecay) {
        this.parameters = List.copyOf(parameters);
        this.manager = manager.newSubManager();
        this.weightDecay = weightDecay;
        for (Parameter p : this.parameters) {
            NDArray w = p.getArray();
            means.add(this.manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
            variances.add(this.manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
        }
    }

    /** Steps taken so far. */
    long step() {
        return step;
    }

    /**
     * Applies one step with the gradients the last backward pass left.
     *
     * @param learningRate η for this step
     * @param scratch a manager for the gradient handles, closed by the caller
     */
    void update(float learningRate, NDManager scratch) {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        float corrected = (float) (learningRate * Math.sqrt(correction2) / correction1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i).getArray();
            NDArray grad = w.getGradient();
            grad.attach(scratch);
            w.getNDArrayInternal()
                    .adamUpdate(
                            new NDList(w, grad, means.get(i), variances.get(i)),
                            new NDList(w),
                            learningRate,
                            corrected,
                            weightDecay,
                            1f,
                            -1f,
                            BETA1,
                            BETA2,
                            EPSILON,
                            true,
                            false);
        }
    }

    /**
     * The squared L2 norm of all gradients the last backward pass left, as a scalar array in {@code
     * scratch}.
     */
    NDArray gradientNormSquared(NDManager scratch) {
        NDArray total = null;
        for (Parameter p : parameters) {
            NDArray grad = p.getArray().getGradient();
            grad.attach(scratch);
            NDArray s = grad.square().sum();
            total = total == null ? s : total.add(s);
        }
        return total;
    }

    /** Writes the step count and the moments. */
    void save(OutputStream out) throws IOException {
        NDList state = new NDList();
        state.add(manager.create(new long[] {step}));
        state.addAll(means);
        state.addAll(variances);
        try {
            out.write(state.encode());
        } finally {
            state.get(0).close();
        }
    }

    /**
     * Restores what {@link #save} wrote.
     *
     * @throws IllegalArgumentException when the state belongs to other parameters
     */
    void load(InputStream in) throws IOException {
        try (NDManager scratch = manager.newSubManager()) {
            NDList state = NDList.decode(scratch, in.readAllBytes());
            int n = parameters.size();
            if (state.size() != 1 + 2 * n) {
                throw new IllegalArgumentException(
                        "optimizer state holds "
                                + state.size()
                                + " arrays, expected "
                                + (1 + 2 * n)
                                + " for "
                                + n
                                + " parameters");
            }
            step = state.get(0).getLong(0);
            for (int i = 0; i < n; i++) {
                copy(state.get(1 + i), means.get(i), i);
                copy(state.get(1 + n + i), variances.get(i), i);
            }
        }
    }

    private void copy(NDArray from, NDArray to, int index) {
        if (!from.getShape().equals(to.getShape())) {
            throw new IllegalArgumentException(
                    "optimizer state of parameter "
                            + parameters.get(index).getName()
                            + " has shape "
                            + from.getShape()
                            + ", expected "
                            + to.getShape());
        }
        to.set(from.toByteBuffer());
    }

    @Override
    public void close() {
        manager.close();
    }
}
