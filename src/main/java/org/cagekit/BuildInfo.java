package org.cagekit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and source revision this build of cagekit was made from. */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    /** The release version, for example {@code 0.1.0}. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /**
     * The abbreviated git commit the build was made from, with {@code -dirty} appended when the
     * working tree had uncommitted changes; {@code unknown} outside a git checkout.
     */
    public static String revision() {
        String revision = PROPERTIES.getProperty("revision", "unknown");
        if (revision.isEmpty() || revision.startsWith("${")) {
            return "unknown";
        }
        return "true".equals(PROPERTIES.getProperty("dirty")) ? revision + "-dirty" : revision;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A build without the resource still runs; it reports "unknown".
        }
        return properties;
    }
}
