package org.cagekit.experiment;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.ClassificationMetrics;
import org.cagekit.eval.EvaluationResult;
import org.cagekit.eval.Evaluator;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.eval.ReferenceSplits;
import org.cagekit.export.ModelExport;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;
import org.cagekit.train.ModelFolder;
import org.cagekit.train.Trainer;
import org.cagekit.train.TrainingConfig;
import org.cagekit.train.TrainingListener;
import org.cagekit.train.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every (variant, seed) of an experiment: train, export with its parity check, evaluate, and
 * keep the result.
 *
 * <p>For each run, in variant order and then seed order:
 *
 * <ol>
 *   <li><b>Skip</b> when {@code OUT/runs/VARIANT/seed-S.json} exists and records the same settings;
 *       a file with other settings is an error, so results of different settings are never mixed in
 *       one table.
 *   <li><b>Train</b> into {@code MODELS/VARIANT/seed-S} with {@link Trainer}, on standardised
 *       windows. A folder holding a checkpoint is resumed, so an interrupted run continues where it
 *       stopped; a folder without one (stopped inside its first epoch) is started again. The
 *       untrained variant instead initialises the model exactly as the trainer would for that seed
 *       and writes it as a model folder with 0 epochs.
 *   <li><b>Export</b> the best epoch's parameters to {@code encoder.onnx} in the model folder
 *       through {@link ModelExport}, which keeps the file only when ONNX Runtime and DJL agree.
 *   <li><b>Evaluate</b> the exported file with ONNX Runtime alone: the train windows,
 *       unstandardised (the graph standardises them), are the references of a k-nearest-neighbour
 *       classifier on the joint embedding {@code [accel, gyro]} (Euclidean distance, uniform votes,
 *       k = 7 by default); the validation and test windows are classified and scored.
 *   <li><b>Record</b> the scores in the run's result file, written atomically: only a complete run
 *       leaves one.
 * </ol>
 *
 * <p>N.B. the experiment reuses the trainer's defaults for every trained variant and changes only
 * the loss; nothing is tuned on the test split.
 */
public final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final ExperimentPlan plan;
    private final PreparedData standardised;
    private final PreparedData raw;
    private final List<TrainingListener> listeners;

    /**
     * @param plan what to run
     * @param standardised the protocol's windows, standardised with the train statistics, for
     *     training
     * @param raw the same windows unstandardised, for the export check and the evaluation
     * @param listeners hear the training runs
     */
    public ExperimentRunner(
            ExperimentPlan plan,
            PreparedData standardised,
            PreparedData raw,
            List<TrainingListener> listeners) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.standardised = Objects.requireNonNull(standardised, "standardised");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.listeners = List.copyOf(listeners);
        if (raw.split(Split.VALIDATION).size() == 0 || raw.split(Split.TEST).size() == 0) {
            throw new IllegalArgumentException(
                    "protocol "
                            + raw.protocol()
                            + " gives "
                            + raw.split(Split.VALIDATION).size()
                            + " validation and "
                            + raw.split(Split.TEST).size()
                            + " test windows; an experiment needs both");
        }
    }

    /** The model folder of a run. */
    public Path modelDir(Variant variant, long seed) {
        return plan.modelsDir().resolve(variant.name()).resolve("seed-" + seed);
    }

    /** The result file of a run. */
    public Path resultFile(Variant variant, long seed) {
        return plan.outDir()
                .resolve("runs")
                .resolve(variant.name())
                .resolve("seed-" + seed + ".json");
    }

    /**
     * Runs, or reuses, every run of the plan.
     *
     * @return the results in variant order, then seed order
     * @throws ExperimentInterruptedException when a training run was stopped; its checkpoint lets a
     *     rerun continue it
     */
    public List<RunResult> runAll() {
        List<RunResult> results = new ArrayList<>();
        int total = plan.variants().size() * plan.seeds().size();
        int done = 0;
        for (Variant variant : plan.variants()) {
            for (long seed : plan.seeds()) {
                done++;
                results.add(run(variant, seed, done, total));
            }
        }
        return results;
    }

    private RunResult run(Variant variant, long seed, int index, int total) {
        TrainingConfig config = config(variant, seed);
        Map<String, String> settings = settings(variant, config);
        Path resultFile = resultFile(variant, seed);
        if (Files.isRegularFile(resultFile)) {
            RunResult previous = RunResult.read(resultFile);
            if (!previous.settings().equals(settings)) {
                throw new IllegalArgumentException(
                        resultFile
                                + " holds a run with other settings ("
                                + differences(previous.settings(), settings)
                                + "); use another --out and --models, or delete that run's"
                                + " result and model folder");
            }
            LOG.info(
                    "[{}/{}] {} seed {}: finished earlier, skipped",
                    index,
                    total,
                    variant.name(),
                    seed);
            return previous;
        }
        LOG.info(
                "[{}/{}] {} seed {}: {}",
                index,
                total,
                variant.name(),
                seed,
                variant.description());
        Path modelDir = modelDir(variant, seed);
        int epochs;
        int bestEpoch;
        double seconds;
        if (variant.trained()) {
            TrainingResult trained = train(config, modelDir);
            epochs = trained.epochsRun();
            bestEpoch = trained.bestEpoch();
            seconds = trainingSeconds(trained.history());
        } else {
            initialise(config, modelDir);
            epochs = 0;
            bestEpoch = 0;
            seconds = 0;
        }
        Path onnx = modelDir.resolve("encoder.onnx");
        ModelExport.Result export = ModelExport.exportBest(modelDir, raw);
        SplitScores[] scores = evaluate(onnx);
        RunResult result =
                new RunResult(
                        variant.name(),
                        variant.supervised(),
                        seed,
                        epochs,
                        bestEpoch,
                        seconds,
                        export.parity().maxAbsDiff(),
                        scores[0],
                        scores[1],
                        settings);
        result.write(resultFile);
        LOG.info(
                "[{}/{}] {} seed {}: validation accuracy {}, test accuracy {}",
                index,
                total,
                variant.name(),
                seed,
                percent(result.validation().accuracy()),
                percent(result.test().accuracy()));
        return result;
    }

    /**
     * The training configuration of a run: the plan's base with the variant's loss and the seed.
     */
    TrainingConfig config(Variant variant, long seed) {
        TrainingConfig.Builder b = plan.training().toBuilder().seed(seed).progressBar(false);
        if (variant.trained()) {
            b.loss(variant.loss());
        }
        return b.resume(false).build();
    }

    /** What determines a run's result: the training settings, the protocol and the evaluation. */
    private Map<String, String> settings(Variant variant, TrainingConfig config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("variant", variant.name());
        s.put("dataset", standardised.dataset());
        s.put("protocol", standardised.protocol());
        for (Map.Entry<String, String> e : standardised.parameters().entrySet()) {
            s.put("protocol." + e.getKey(), e.getValue());
        }
        Map<String, String> training = config.settings();
        if (variant.trained()) {
            s.putAll(training);
        } else {
            // An untrained encoder depends only on its seed and shape.
            for (String key : List.of("seed", "width", "depth", "embeddingDim", "kernel")) {
                s.put(key, training.get(key));
            }
        }
        Evaluator.Settings evaluation = evaluation(1);
        s.put("knn.k", Integer.toString(evaluation.k()));
        s.put("knn.metric", evaluation.metric().cliName());
        s.put("knn.weights", evaluation.weights().cliName());
        s.put("knn.references", evaluation.fitOn().cliName());
        return s;
    }

    private TrainingResult train(TrainingConfig config, Path modelDir) {
        ModelFolder folder = new ModelFolder(modelDir);
        boolean resume =
                Files.isDirectory(folder.checkpoint())
                        || Files.isDirectory(modelDir.resolve(ModelFolder.CHECKPOINT + ".old"));
        if (!resume && Files.exists(modelDir)) {
            LOG.info(
                    "{} holds no checkpoint (stopped in its first epoch): starting it again",
                    modelDir);
            deleteRunFolder(modelDir);
        } else if (resume) {
            LOG.info("{}: resuming from its checkpoint", modelDir);
        }
        TrainingResult result =
                Trainer.train(
                        standardised,
                        config.toBuilder().resume(resume).build(),
                        modelDir,
                        listeners);
        if (result.interrupted()) {
            throw new ExperimentInterruptedException(
                    "training of "
                            + modelDir
                            + " stopped after "
                            + result.epochsRun()
                            + " epochs; run the same command again to resume it");
        }
        for (String warning : result.warnings()) {
            LOG.warn("{}: {}", modelDir, warning);
        }
        return result;
    }

    /**
     * Writes the model folder of an untrained encoder: the engine seeded and the block initialised
     * exactly as {@link Trainer} does before its first epoch.
     */
    private void initialise(TrainingConfig config, Path modelDir) {
        WindowSet train = standardised.split(Split.TRAIN);
        ModelConfig modelConfig = config.modelConfig(train.accelChannels(), train.gyroChannels());
        ModelFolder folder = new ModelFolder(modelDir);
        Engine.getInstance().setRandomSeed(Math.floorMod(config.seed(), Integer.MAX_VALUE));
        try (Model model = Model.newInstance("cage", Device.cpu())) {
            CageModel block = new CageModel(modelConfig);
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(config.batchSize(), train.accelChannels(), train.length()),
                    new Shape(config.batchSize(), train.gyroChannels(), train.length()));
            Files.createDirectories(modelDir);
            ModelFolder.writeParameters(block, folder.bestParams());
            ModelFolder.writeParameters(block, folder.lastParams());
            ModelCard card =
                    ModelFolder.card(
                            standardised, modelConfig, Map.of("loss", "none"), config.seed(), 0);
            card.write(folder.modelJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model folder " + modelDir + ": " + e, e);
        }
    }

    /** Validation and test scores of an exported encoder, from ONNX Runtime alone. */
    private SplitScores[] evaluate(Path onnx) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int[] classIds = raw.classNames().keySet().stream().mapToInt(Integer::intValue).toArray();
        try (OnnxEncoder encoder = OnnxEncoder.open(onnx, threads)) {
            EvaluationResult result = new Evaluator(encoder, evaluation(threads)).evaluate(raw);
            SplitScores[] scores = new SplitScores[2];
            Split[] splits = {Split.VALIDATION, Split.TEST};
            for (int s = 0; s < splits.length; s++) {
                EvaluationResult.SplitResult split = result.split(splits[s]);
                scores[s] =
                        scores(split.windows().labels(), split.classification().labels(), classIds);
            }
            return scores;
        }
    }

    /** The evaluator's defaults (cosine distance, distance-weighted votes) with the plan's k. */
    private Evaluator.Settings evaluation(int threads) {
        Evaluator.Settings d = Evaluator.Settings.defaults();
        return new Evaluator.Settings(
                plan.k(), d.metric(), d.weights(), ReferenceSplits.TRAIN, d.batchSize(), threads);
    }

    /** Scores with the confusion matrix laid out over the protocol's classes. */
    static SplitScores scores(int[] truth, int[] predicted, int[] classIds) {
        ClassificationMetrics metrics = ClassificationMetrics.of(truth, predicted);
        Map<Integer, Integer> position = new LinkedHashMap<>();
        for (int c = 0; c < classIds.length; c++) {
            position.put(classIds[c], c);
        }
        long[][] confusion = new long[classIds.length][classIds.length];
        for (int i = 0; i < truth.length; i++) {
            Integer t = position.get(truth[i]);
            Integer p = position.get(predicted[i]);
            if (t == null || p == null) {
                throw new IllegalStateException(
                        "window "
                                + i
                                + " has class "
                                + truth[i]
                                + " predicted as "
                                + predicted[i]
                                + ", outside the protocol's classes "
                                + position.keySet());
            }
            confusion[t][p]++;
        }
        return new SplitScores(
                truth.length,
                metrics.accuracy(),
                metrics.weighted().f1(),
                metrics.macro().f1(),
                classIds.clone(),
                confusion);
    }

    /** The sum of the {@code seconds} column of a {@code history.csv}. */
    static double trainingSeconds(Path history) {
        try (Reader reader = Files.newBufferedReader(history, StandardCharsets.UTF_8);
                CSVParser parser =
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .build()
                                .parse(reader)) {
            if (!parser.getHeaderMap().containsKey("seconds")) {
                throw new IllegalArgumentException(history + ": no 'seconds' column in the header");
            }
            double sum = 0;
            for (CSVRecord record : parser) {
                try {
                    sum += Double.parseDouble(record.get("seconds"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            history
                                    + " line "
                                    + parser.getCurrentLineNumber()
                                    + ": seconds '"
                                    + record.get("seconds")
                                    + "' is not a number",
                            e);
                }
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + history + ": " + e, e);
        }
    }

    /** Removes a run's model folder, which only this runner and the trainer write. */
    private static void deleteRunFolder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            java.util.Collections.reverse(paths);
            for (Path p : paths) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e, e);
        }
    }

    private static String differences(Map<String, String> was, Map<String, String> now) {
        List<String> diffs = new ArrayList<>();
        for (String key : was.keySet()) {
            if (!Objects.equals(was.get(key), now.get(key))) {
                diffs.add(key + " was " + was.get(key) + ", now " + now.get(key));
            }
        }
        for (String key : now.keySet()) {
            if (!was.containsKey(key)) {
                diffs.add(key + " was unset, now " + now.get(key));
            }
        }
        return String.join("; ", diffs);
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.2f %%", 100 * fraction);
    }
}
