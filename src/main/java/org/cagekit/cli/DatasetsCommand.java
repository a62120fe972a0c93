package org.cagekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cagekit.data.DataLocation;
import org.cagekit.data.Dataset;
import org.cagekit.data.Datasets;
import org.cagekit.data.Protocol;
import org.cagekit.data.ReleaseChecksums;
import org.cagekit.data.WindowCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit datasets}: lists the known datasets, the data root and where it came from, and for
 * each dataset whether it is found and whether its files match the official release by SHA-256. A
 * mismatch or a missing file is a warning, not a failure: the command exits 0 unless it cannot run
 * at all.
 */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        header = "List the known datasets, where cagekit looks, and check them.",
        description = {
            "Datasets are looked for under --data-dir, else $CAGEKIT_DATA, else ./datasets,"
                    + " each in its own folder (uci-hapt/, mhealth/). Every file of a found"
                    + " dataset is compared by SHA-256 with the official release; a mismatch is"
                    + " reported as a warning."
        })
public final class DatasetsCommand implements Callable<Integer> {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Folder holding the dataset folders. Default: $CAGEKIT_DATA, else"
                            + " ./datasets.")
    Path dataDir;

    @Option(
            names = "--no-verify",
            description = "Skip the SHA-256 comparison (it reads every file).")
    boolean noVerify;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = DataLocation.resolve(dataDir);
        out.printf(
                Locale.ROOT,
                "data root: %s (%s)%n",
                root.toAbsolutePath().normalize(),
                DataLocation.origin(dataDir));
        String cacheVariable = System.getenv(WindowCache.ENVIRONMENT_VARIABLE);
        boolean cacheFromEnvironment = cacheVariable != null && !cacheVariable.isBlank();
        out.printf(
                Locale.ROOT,
                "window cache: %s (%s)%n",
                WindowCache.standard().directory().toAbsolutePath().normalize(),
                cacheFromEnvironment ? "$" + WindowCache.ENVIRONMENT_VARIABLE : "default");
        for (Dataset d : Datasets.all()) {
            out.println();
            out.printf(Locale.ROOT, "%s: %s%n", d.name(), d.title());
            out.printf(Locale.ROOT, "  download: %s%n", d.downloadPage());
            out.printf(
                    Locale.ROOT,
                    "  protocols: %s%n",
                    String.join(
                            ", ",
                            Protocol.all().stream()
                                    .filter(p -> p.dataset().equals(d.name()))
                                    .map(Protocol::name)
                                    .toList()));
            if (!d.isPresent(root)) {
                out.printf(
                        Locale.ROOT,
                        "  status: not found (expected under %s)%n",
                        root.resolve(d.folder()));
                continue;
            }
            Path dir = d.locate(root);
            out.printf(Locale.ROOT, "  status: found at %s%n", dir);
            if (noVerify) {
                continue;
            }
            List<ReleaseChecksums.Result> results = ReleaseChecksums.verify(d.name(), dir);
            long match = count(results, ReleaseChecksums.Status.MATCH);
            long mismatch = count(results, ReleaseChecksums.Status.MISMATCH);
            long missing = count(results, ReleaseChecksums.Status.MISSING);
            out.printf(
                    Locale.ROOT,
                    "  official files: %d of %d match (SHA-256), %d differ, %d missing%n",
                    match,
                    results.size(),
                    mismatch,
                    missing);
            for (ReleaseChecksums.Result r : results) {
                if (r.status() == ReleaseChecksums.Status.MISMATCH) {
                    err.printf(
                            Locale.ROOT,
                            "cagekit: warning: %s/%s differs from the official release"
                                    + " (SHA-256 %s, expected %s)%n",
                            d.name(),
                            r.path(),
                            r.actual(),
                            r.expected());
                } else if (r.status() == ReleaseChecksums.Status.MISSING) {
                    err.printf(
                            Locale.ROOT,
                            "cagekit: warning: %s/%s of the official release is missing%n",
                            d.name(),
                            r.path());
                }
            }
        }
        out.flush();
        err.flush();
        return Main.OK;
    }

    private static long count(List<ReleaseChecksums.Result> results, ReleaseChecksums.Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }
}
