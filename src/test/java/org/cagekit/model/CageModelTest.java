package org.cagekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class CageModelTest {

    @Test
    void embeddingsHaveUnitNormAndTheDocumentedShapes() {
        ModelConfig config = ModelConfig.standard(3, 3);
        try (Model model = Model.newInstance("cage");
                NDManager manager = NDManager.newBaseManager()) {
            CageModel block = new CageModel(config);
            model.setBlock(block);
            block.initialize(manager, DataType.FLOAT32, new Shape(5, 3, 128), new Shape(5, 3, 128));
            NDArray accel = manager.randomNormal(new Shape(5, 3, 128));
            NDArray gyro = manager.randomNormal(new Shape(5, 3, 128));
            NDList out =
                    block.forward(
                            new ParameterStore(manager, false), new NDList(accel, gyro), false);
            assertEquals(new Shape(5, 64), out.get(0).getShape());
            assertEquals(new Shape(5, 64), out.get(1).getShape());
            // Each row is divided by its own norm, so every row norm is 1.
            float[] norms = out.get(0).square().sum(new int[] {1}).sqrt().toFloatArray();
            assertArrayEquals(new float[] {1, 1, 1, 1, 1}, norms, 1e-5f);
            // θ starts at ln(1 / 0.07) = 2.65926.
            assertEquals(2.65926f, out.get(2).getFloat(0), 1e-5f);
        }
    }
}
