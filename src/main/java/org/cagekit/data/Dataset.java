package org.cagekit.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A public activity-recognition dataset in its original published layout, and the reader that turns
 * its files into {@link Recording}s.
 *
 * <p>A dataset lives in its own folder ({@link #folder()}) under a data root; see {@link
 * DataLocation}. Readers stream the text, accept a {@code .txt.gz} or {@code .log.gz} file in place
 * of the plain one, and report every malformed input with file, line and problem.
 */
public interface Dataset {
    /** Short name used on the command line, for example {@code hapt}. */
    String name();

    /** Full title of the release. */
    String title();

    /** The official download page. */
    String downloadPage();

    /** Folder name under the data root, for example {@code uci-hapt}. */
    String folder();

    /** Sampling rate of every recording. */
    double samplingRateHz();

    /** Accelerometer channel names in model-input order. */
    List<String> accelChannels();

    /** Gyroscope channel names in model-input order. */
    List<String> gyroChannels();

    /** Unit of the accelerometer values as released. */
    String accelUnit();

    /** Unit of the gyroscope values as released. */
    String gyroUnit();

    /** Every subject id of the full release, ascending. */
    List<Integer> subjects();

    /**
     * Finds the dataset under a data root: {@code root/folder()}, or {@code root} itself when it is
     * the dataset's folder.
     *
     * @throws IllegalArgumentException naming the places looked at when it is not there
     */
    Path locate(Path dataRoot);

    /** Whether {@link #locate} would succeed. */
    boolean isPresent(Path dataRoot);

    /** Class id to name for every class the dataset defines, 0 being "null". */
    SortedMap<Integer, String> classNames(Path datasetDir);

    /** The files a preparation of these subjects reads, for cache keys. */
    List<Path> inputFiles(Path datasetDir, Set<Integer> subjects);

    /**
     * Reads the recordings of the given subjects, in a stable order.
     *
     * @throws IllegalArgumentException naming file, line and problem for malformed input
     */
    List<Recording> read(Path datasetDir, Set<Integer> subjects);

    /**
     * SHA-256 of the files of the official release, keyed by path relative to the dataset folder
     * (with {@code /} separators), in a stable order.
     */
    Map<String, String> officialChecksums();
}
