package org.cagekit.eval;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protocol-buffer messages in the binary wire format, just enough of it (varints and
 * length-delimited fields) to describe the small scoring graph that {@link ScoringGraph} hands to
 * ONNX Runtime. Keeping this here spares the evaluation side a protobuf runtime.
 *
 * <p>A field is written as its tag {@code (number << 3) | wireType} followed by the value; wire
 * type 0 is a base-128 varint, wire type 2 a varint length followed by that many bytes (strings and
 * nested messages).
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Writes an integer field (int32, int64 or enum). Negative values take ten bytes. */
    ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        raw(value);
        return this;
    }

    /** Writes a string field as UTF-8. */
    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a nested message field. */
    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        raw(value.length);
        bytes.write(value, 0, value.length);
        return this;
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        bytes.write((int) v);
    }
}
