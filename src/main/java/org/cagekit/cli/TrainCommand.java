package org.cagekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cagekit.data.PreparedData;
import org.cagekit.train.LoggingListener;
import org.cagekit.train.ProgressBarListener;
import org.cagekit.train.Trainer;
import org.cagekit.train.TrainingConfig;
import org.cagekit.train.TrainingListener;
import org.cagekit.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit train}: trains an encoder on a protocol's train split and writes its model folder.
 * Progress (a bar per epoch, one log line per epoch, warnings) goes to stderr; the summary line
 * goes to stdout:
 *
 * <pre>
 * models/hapt13-ntxent: 40 epochs in 512.3 s, loss 1.2345, top-1 0.612,
 *     best val loss 1.9876 (epoch 37)
 * </pre>
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        header = "Train a contrastive accelerometer-gyroscope encoder with DJL.",
        description = {
            "Prepares the protocol's windows, trains both encoders with the chosen loss and Adam,"
                    + " validates after every epoch and writes the model folder: model.json,"
                    + " training.json, best.params, last.params, history.csv and a checkpoint"
                    + " for --resume. Ctrl-C saves a checkpoint and exits."
        })
public final class TrainCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Mixin LossOptions loss;

    @Mixin TrainingOptions training;

    @Spec CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The model folder to write, for example models/hapt13-ntxent.")
    Path out;

    /** The training settings the options describe. */
    TrainingConfig config() {
        return training.config(loss.spec());
    }

    @Override
    public Integer call() {
        TrainingConfig config = config();
        PreparedData prepared = data.prepare();
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new LoggingListener());
        if (config.progressBar()) {
            listeners.add(new ProgressBarListener(System.err));
        }
        TrainingResult r = Trainer.train(prepared, config, out, listeners);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "%s: %d epochs in %.1f s, loss %.4f, top-1 %.3f, best val loss %.4f (epoch %d)%s%n",
                out,
                r.epochsRun(),
                r.seconds(),
                r.finalLoss(),
                r.finalTopOne(),
                r.bestValidationLoss(),
                r.bestEpoch(),
                r.interrupted() ? "; interrupted, continue with --resume" : "");
        stdout.flush();
        return Main.OK;
    }
}
