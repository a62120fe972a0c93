package org.cagekit.experiment;

import java.util.Objects;
import java.util.regex.Pattern;
import org.cagekit.loss.LossSpec;

/**
 * One row of an experiment: a named way of obtaining an encoder.
 *
 * @param name short identifier, used for folder names and in {@code summary.csv} (lower case,
 *     digits, {@code -} and {@code +})
 * @param description what the variant is, for {@code summary.md}
 * @param loss the training loss, or {@code null} for an encoder that is initialised and not trained
 * @param supervised whether training reads the class labels; such a variant is a reference, not a
 *     self-supervised result, and the quality goals leave it out
 */
public record Variant(String name, String description, LossSpec loss, boolean supervised) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+-]*");

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "variant name '"
                            + name
                            + "': expected lower-case letters, digits, '-' and '+'");
        }
        if (loss == null && supervised) {
            throw new IllegalArgumentException(
                    "variant " + name + ": an untrained encoder cannot be supervised");
        }
    }

    /** Whether the variant trains at all. */
    public boolean trained() {
        return loss != null;
    }
}
