package org.cagekit.eval;

/**
 * The ONNX model that scores a block of queries against a chunk of references and keeps the best
 * candidates of each query, so that the dense part of the nearest-neighbour search runs in ONNX
 * Runtime's optimised matrix kernels.
 *
 * <pre>
 *   inputs   queries    float [B, D]
 *            references float [C, D]
 *            bias       float [C]
 *            k          int64 [1]
 *   scores  = Gemm(queries, references, bias, transB = 1)       [B, C]
 *   values, indices = TopK(scores, k, axis = 1, largest = 1, sorted = 1)   [B, k]
 * </pre>
 *
 * A larger score is a nearer reference: for cosine the rows are unit vectors and the bias is 0, so
 * the score is {@code cos(q, r)}; for euclidean the queries are doubled and the bias is {@code
 * -|r|^2}, so the score {@code 2 q.r - |r|^2 = |q|^2 - |q - r|^2} falls as the distance grows.
 * ONNX's TopK puts the lower index first among equal values, which keeps ties in reference order.
 * Opset 13, IR version 7.
 */
final class ScoringGraph {
    // ONNX TensorProto.DataType values.
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    // ONNX AttributeProto.AttributeType.INT.
    private static final int ATTRIBUTE_INT = 2;

    private ScoringGraph() {}

    /** The serialised ModelProto. */
    static byte[] model() {
        ProtoWriter gemm =
                node("Gemm", "score", new String[] {"queries", "references", "bias"}, "scores");
        gemm.message(5, intAttribute("transB", 1));
        ProtoWriter topK =
                node("TopK", "select", new String[] {"scores", "k"}, "values", "indices");
        topK.message(5, intAttribute("axis", 1));
        topK.message(5, intAttribute("largest", 1));
        topK.message(5, intAttribute("sorted", 1));

        ProtoWriter graph = new ProtoWriter();
        graph.message(1, gemm);
        graph.message(1, topK);
        graph.string(2, "knn_scores");
        graph.message(11, value("queries", FLOAT, "batch", "dim"));
        graph.message(11, value("references", FLOAT, "chunk", "dim"));
        graph.message(11, value("bias", FLOAT, "chunk"));
        graph.message(11, value("k", INT64, 1L));
        graph.message(12, value("values", FLOAT, "batch", "kept"));
        graph.message(12, value("indices", INT64, "batch", "kept"));

        ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, 13);
        return new ProtoWriter()
                .varint(1, 7)
                .string(2, "cagekit")
                .message(7, graph)
                .message(8, opset)
                .toByteArray();
    }

    private static ProtoWriter node(
            String opType, String name, String[] inputs, String... outputs) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        for (String output : outputs) {
            node.string(2, output);
        }
        return node.string(3, name).string(4, opType);
    }

    private static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    /** A ValueInfoProto whose dimensions are symbolic names (String) or fixed sizes (Long). */
    private static ProtoWriter value(String name, int elementType, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object dim : dims) {
            ProtoWriter d = new ProtoWriter();
            if (dim instanceof Long) {
                d.varint(1, (Long) dim);
            } else {
                d.string(2, (String) dim);
            }
            shape.message(1, d);
        }
        ProtoWriter tensor = new ProtoWriter().varint(1, elementType).message(2, shape);
        ProtoWriter type = new ProtoWriter().message(1, tensor);
        return new ProtoWriter().string(1, name).message(2, type);
    }
}
