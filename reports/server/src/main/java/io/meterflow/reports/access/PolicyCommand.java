package io.meterflow.reports.access;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.meterflow.policy.Policy;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bin/meterflow reports policy}: prints the reports API's policy defaults as a commented
 * sample file, as {@code oslopolicy-sample-generator} does, or with {@code --file} the rules in
 * force under an operator's file, after checking it (the rating API's {@code policy} command).
 */
public final class PolicyCommand extends Command {

    public PolicyCommand() {
        super("policy", "Prints the API's default policy as a sample file (or, with --file, the rules in force)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser
                .addArgument("--file")
                .dest("file")
                .help("an oslo.policy file (YAML or JSON) to check and print merged over the defaults");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        String file = namespace.getString("file");
        if (file == null) {
            System.out.print(Policy.of(ReportsPolicies.defaults()).sampleFile());
            return;
        }
        Policy policy = Policy.load(ReportsPolicies.defaults(), Path.of(file));
        policy.effectiveRules().forEach((name, check) -> System.out.println("\"" + name + "\": \"" + check + "\""));
    }
}
