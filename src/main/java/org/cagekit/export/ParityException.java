package org.cagekit.export;

/**
 * An exported model whose ONNX Runtime results differ from DJL's beyond the tolerance; the figures
 * are kept so that the caller can report them.
 */
public final class ParityException extends IllegalStateException {
    private final transient ParityReport report;

    /**
     * @param message what failed, with the figures
     * @param report every check, passed or not
     */
    public ParityException(String message, ParityReport report) {
        super(message);
        this.report = report;
    }

    /** The failed figures. */
    public ParityReport report() {
        return report;
    }
}
