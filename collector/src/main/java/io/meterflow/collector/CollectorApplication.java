package io.meterflow.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.meterflow.collector.ingest.MessageLedger;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.meter.DefaultMeterDefinitions;
import io.meterflow.collector.meter.MeterDefinitionException;
import io.meterflow.collector.meter.MeterDefinitionLoader;
import io.meterflow.collector.meter.MeterDefinitions;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.replay.ReplayCommand;
import io.meterflow.collector.resource.ResourceLifecycle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The collector: {@code server} consumes OpenStack notifications from RabbitMQ and publishes
 * samples and resource events to Kafka; {@code replay FILE} prints the samples of recorded
 * notifications. This class only wires objects together.
 */
public final class CollectorApplication extends Application<CollectorConfiguration> {

    public static final String DEFAULT_CONFIG = "meterflow-collector.yml";
    private static final int TWIN_MEMORY = 200_000;
    private static final int LEDGER_SIZE = 500_000;

    public static void main(String[] args) throws Exception {
        new CollectorApplication().run(withDefaultConfig(args));
    }

    /** {@code server} alone means {@code server meterflow-collector.yml} from the class path. */
    static String[] withDefaultConfig(String[] args) {
        if (args.length == 1 && (args[0].equals("server") || args[0].equals("check"))) {
            return new String[] {args[0], DEFAULT_CONFIG};
        }
        return args;
    }

    @Override
    public String getName() {
        return "meterflow-collector";
    }

    @Override
    public void initialize(Bootstrap<CollectorConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new ClasspathFallbackSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        ObjectMapper json = bootstrap.getObjectMapper();
        bootstrap.addCommand(new ReplayCommand(namespace -> processor(json,
                namespace.<String>getList("meters").stream().map(Path::of).toList(),
                NovaFormat.parse(namespace.getString("nova_format")),
                Boolean.parseBoolean(namespace.getString("dead_letter_unmatched"))), json));
    }

    @Override
    public void run(CollectorConfiguration config, Environment environment) throws Exception {
        throw new UnsupportedOperationException("live collector not wired yet");
    }

    static NotificationProcessor processor(ObjectMapper json, List<Path> meterFiles, NovaFormat novaFormat,
            boolean deadLetterUnmatched) {
        return new NotificationProcessor(new EnvelopeParser(json), definitions(json, meterFiles),
                new ResourceLifecycle(), novaFormat, new NovaTwins(TWIN_MEMORY), new MessageLedger(LEDGER_SIZE),
                deadLetterUnmatched);
    }

    /** Definitions Ceilometer would half-load are refused at start: a missing meter is a billing gap. */
    static MeterDefinitions definitions(ObjectMapper json, List<Path> meterFiles) {
        try {
            MeterDefinitionLoader.Result loaded = new MeterDefinitionLoader(json)
                    .load(DefaultMeterDefinitions.sources(meterFiles));
            if (!loaded.problems().isEmpty()) {
                throw new MeterDefinitionException(meterFiles.isEmpty() ? "built-in" : meterFiles.toString(),
                        loaded.problems());
            }
            return loaded.definitions();
        } catch (IOException e) {
            throw new MeterDefinitionException(meterFiles.toString(), List.of(e.toString()));
        }
    }
}
