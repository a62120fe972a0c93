package org.cagekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class MaxPool1dBlockTest {
    @Test
    void handWorkedWindowsOfTwoDropTheOddSample() {
        // [1, 5, 2, 2, 7] in windows of 2: max(1, 5) = 5, max(2, 2) = 2; the 7 is dropped.
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 5, 2, 2, 7}, new Shape(1, 1, 5));
            NDArray y = pool(manager, new MaxPool1dBlock(2, 2), x, false);
            assertEquals(new Shape(1, 1, 2), y.getShape());
            assertArrayEquals(new float[] {5, 2}, y.toFloatArray());
        }
    }

    @Test
    void valuesAndGradientsEqualThePoolingKernel() {
        // Rounded values make ties frequent, as after a ReLU.
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            for (long length : new long[] {16, 17}) {
                NDArray base =
                        manager.randomNormal(new Shape(4, 3, length)).mul(2).round().maximum(0f);
                NDArray weights = manager.randomNormal(new Shape(4, 3, length / 2));
                NDArray a = base.duplicate();
                NDArray b = base.duplicate();
                a.setRequiresGradient(true);
                b.setRequiresGradient(true);
                NDArray fast;
                NDArray kernel;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    fast = pool(manager, new MaxPool1dBlock(2, 2), a, true);
                    kernel = Pool.maxPool1d(b, new Shape(2), new Shape(2), new Shape(0), false);
                    gc.backward(fast.mul(weights).sum().add(kernel.mul(weights).sum()));
                }
                assertArrayEquals(kernel.toFloatArray(), fast.toFloatArray());
                assertArrayEquals(b.getGradient().toFloatArray(), a.getGradient().toFloatArray());
            }
        }
    }

    private static NDArray pool(NDManager m, MaxPool1dBlock block, NDArray x, boolean training) {
        return block.forward(new ParameterStore(m, false), new NDList(x), training)
                .singletonOrThrow();
    }
}
