package org.cagekit.export;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators (default domain) that an exported encoder uses, each with its arity, the
 * attributes cagekit may set, and the range of opsets in which that form of the operator is valid.
 *
 * <p>Two reductions changed form in opset 18: {@code ReduceMean} and {@code ReduceL2} took their
 * {@code axes} as an attribute up to opset 17 and take them as a second, int64 input from opset 18
 * on. Each form is a constant of its own ({@link #REDUCE_MEAN_AXES_ATTRIBUTE} and {@link
 * #REDUCE_MEAN_AXES_INPUT}, likewise for L2), and {@link #supports(int)} tells which one a target
 * opset needs. Every other operator here has kept its semantics for float32 from opset 13 to the
 * newest opset cagekit writes.
 */
public enum OnnxOperator implements ONNXOperator {
    /** 1-D convolution {@code Y = W * X + B} over {@code [N, C, T]}, weight {@code [M, C, k]}. */
    CONV(
            "Conv",
            2,
            1,
            13,
            Integer.MAX_VALUE,
            ints("kernel_shape"),
            ints("pads"),
            ints("strides"),
            ints("dilations"),
            integer("group")),
    /** {@code max(x, 0)} elementwise. */
    RELU("Relu", 1, 0, 13, Integer.MAX_VALUE),
    /** Max pooling; {@code ceil_mode} 0 gives floor rounding of the output length. */
    MAX_POOL(
            "MaxPool",
            1,
            0,
            13,
            Integer.MAX_VALUE,
            ints("kernel_shape"),
            ints("pads"),
            ints("strides"),
            integer("ceil_mode")),
    /** Mean over the axes named by the {@code axes} attribute (opsets 13 to 17). */
    REDUCE_MEAN_AXES_ATTRIBUTE("ReduceMean", 1, 0, 13, 17, ints("axes"), integer("keepdims")),
    /** Mean over the axes given as the second, int64 input (opset 18 on). */
    REDUCE_MEAN_AXES_INPUT("ReduceMean", 2, 0, 18, Integer.MAX_VALUE, integer("keepdims")),
    /** Euclidean norm over the axes named by the {@code axes} attribute (opsets 13 to 17). */
    REDUCE_L2_AXES_ATTRIBUTE("ReduceL2", 1, 0, 13, 17, ints("axes"), integer("keepdims")),
    /** Euclidean norm over the axes given as the second, int64 input (opset 18 on). */
    REDUCE_L2_AXES_INPUT("ReduceL2", 2, 0, 18, Integer.MAX_VALUE, integer("keepdims")),
    /** Matrix product with numpy broadcasting. */
    MAT_MUL("MatMul", 2, 0, 13, Integer.MAX_VALUE),
    /** Elementwise maximum of two broadcast inputs. */
    MAX("Max", 2, 0, 13, Integer.MAX_VALUE),
    /** Elementwise {@code a + b} with broadcasting. */
    ADD("Add", 2, 0, 13, Integer.MAX_VALUE),
    /** Elementwise {@code a - b} with broadcasting. */
    SUB("Sub", 2, 0, 13, Integer.MAX_VALUE),
    /** Elementwise {@code a * b} with broadcasting. */
    MUL("Mul", 2, 0, 13, Integer.MAX_VALUE),
    /** Elementwise {@code a / b} with broadcasting. */
    DIV("Div", 2, 0, 13, Integer.MAX_VALUE),
    /** Concatenation of two tensors along {@code axis}. */
    CONCAT("Concat", 2, 0, 13, Integer.MAX_VALUE, integerMandatory("axis")),
    /** Copies its input; binds an inner value to a graph output name. */
    IDENTITY("Identity", 1, 0, 13, Integer.MAX_VALUE);

    private final String opName;
    private final int inputs;
    private final int optionalInputs;
    private final int firstOpset;
    private final int lastOpset;
    private final Map<String, ONNXAttribute> attributes;
    private final Set<String> mandatory;

    OnnxOperator(
            String opName,
            int inputs,
            int optionalInputs,
            int firstOpset,
            int lastOpset,
            ONNXAttribute... attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.optionalInputs = optionalInputs;
        this.firstOpset = firstOpset;
        this.lastOpset = lastOpset;
        Map<String, ONNXAttribute> map = new LinkedHashMap<>();
        for (ONNXAttribute attribute : attributes) {
            map.put(attribute.getName(), attribute);
        }
        this.attributes = Collections.unmodifiableMap(map);
        this.mandatory =
                map.values().stream()
                        .filter(ONNXAttribute::isMandatory)
                        .map(ONNXAttribute::getName)
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this form of the operator is valid in a model importing the given opset. */
    public boolean supports(int opset) {
        return opset >= firstOpset && opset <= lastOpset;
    }

    /** The mean reduction in the form the given opset requires. */
    static OnnxOperator reduceMean(int opset) {
        return opset >= 18 ? REDUCE_MEAN_AXES_INPUT : REDUCE_MEAN_AXES_ATTRIBUTE;
    }

    /** The L2 reduction in the form the given opset requires. */
    static OnnxOperator reduceL2(int opset) {
        return opset >= 18 ? REDUCE_L2_AXES_INPUT : REDUCE_L2_AXES_ATTRIBUTE;
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return optionalInputs;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return mandatory;
    }

    /** The first opset in which this form of the operator is valid. */
    @Override
    public int getOpVersion() {
        return firstOpset;
    }

    /** The default ONNX domain, the empty string. */
    @Override
    public String getOpDomain() {
        return "";
    }

    private static ONNXAttribute ints(String name) {
        return new ONNXAttribute(name, AttributeType.INTS, false);
    }

    private static ONNXAttribute integer(String name) {
        return new ONNXAttribute(name, AttributeType.INT, false);
    }

    private static ONNXAttribute integerMandatory(String name) {
        return new ONNXAttribute(name, AttributeType.INT, true);
    }
}
