package org.cagekit.data;

import java.nio.file.Path;

/**
 * Where cagekit looks for datasets: the {@code --data-dir} option when given, else the environment
 * variable {@code CAGEKIT_DATA}, else {@code ./datasets}. Each dataset sits in its own folder below
 * that root ({@code uci-hapt/}, {@code mhealth/}).
 */
public final class DataLocation {
    /** The environment variable naming the data root. */
    public static final String ENVIRONMENT_VARIABLE = "CAGEKIT_DATA";

    private DataLocation() {}

    /**
     * The data root.
     *
     * @param option the command-line choice, or null
     * @return the option, else {@code $CAGEKIT_DATA}, else {@code ./datasets}
     */
    public static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of("datasets");
    }

    /** Where the data root came from, for messages: option, environment or default. */
    public static String origin(Path option) {
        if (option != null) {
            return "--data-dir";
        }
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        return env != null && !env.isBlank() ? "$" + ENVIRONMENT_VARIABLE : "default ./datasets";
    }
}
