package org.cagekit.cli;

import java.util.List;

/** The subcommands of {@code cagekit}, in the order {@code --help} lists them. */
final class Subcommands {
    private Subcommands() {}

    static List<Object> all() {
        return List.of(
                new DatasetsCommand(),
                new PrepareCommand(),
                new TrainCommand(),
                new ExportCommand(),
                new InfoCommand(),
                new EmbedCommand(),
                new EvaluateCommand(),
                new ReportCommand(),
                new ExperimentCommand(),
                new PipelineCommand());
    }
}
