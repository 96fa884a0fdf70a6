package io.meterflow.operator.policy;

import io.meterflow.policy.Policy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bin/meterflow policy SERVICE [--policy-file FILE] [--format yaml|json]}: the policy a
 * Meterflow API enforces, as a file an operator starts from, or checks theirs against.
 */
public final class PolicyCommand {

    static final String HELP = """
            usage: bin/meterflow policy SERVICE [--policy-file FILE] [--format yaml|json]

            Prints the policy SERVICE enforces, as oslo.policy's tools do for OpenStack's services:
            without --policy-file, every default rule commented out, with the calls it guards
            (oslopolicy-sample-generator); with it, the same with the file's rules merged in,
            uncommented, each beside its default (oslopolicy-policy-generator). A file with a broken
            rule is refused, naming the rule, as the service refuses to start with it.

            SERVICE:
            %s
              --policy-file FILE   the operator's policy file (YAML or JSON), the one the service's
                                   policyFile (or its variable, above) names; --file is the same
                                   (bin/meterflow rating|reports policy --file FILE comes here)
              --format yaml|json   yaml (default): the commented sample; json: every rule in force
                                   as one object
            """;

    private PolicyCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; the exit status is returned, not taken. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(help());
            return 0;
        }
        List<String> rest = new ArrayList<>(args);
        Optional<String> file = Optional.empty();
        String format = "yaml";
        List<String> services = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            String[] option = arg.split("=", 2);
            if (option[0].equals("--file")) {
                option[0] = "--policy-file"; // the name the services' own policy commands had
            }
            if (option[0].equals("--policy-file") || option[0].equals("--format")) {
                String value = option.length == 2 ? option[1] : rest.isEmpty() ? null : rest.remove(0);
                if (value == null) {
                    problems.add(option[0] + " needs a value");
                } else if (option[0].equals("--format")) {
                    format = value;
                } else {
                    file = Optional.of(value);
                }
            } else if (arg.startsWith("-")) {
                problems.add("unknown option " + arg);
            } else {
                services.add(arg);
            }
        }
        if (!List.of("yaml", "json").contains(format)) {
            problems.add("--format must be yaml or json, not '" + format + "'");
        }
        if (services.size() != 1) {
            problems.add("name one service: " + names());
        } else if (ServicePolicies.named(services.get(0)).isEmpty()) {
            problems.add("unknown service '" + services.get(0) + "': " + names());
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println("meterflow policy: " + problem));
            err.println("meterflow policy: see bin/meterflow policy --help");
            return 2;
        }
        ServicePolicies service = ServicePolicies.named(services.get(0)).orElseThrow();
        try {
            Policy policy = file.isEmpty()
                    ? Policy.of(service.defaults())
                    : Policy.load(service.defaults(), existing(Path.of(file.get())));
            out.print(
                    format.equals("json")
                            ? EffectivePolicyFile.json(policy)
                            : EffectivePolicyFile.yaml(
                                    service.defaults(),
                                    policy,
                                    file.map(f -> Path.of(f).getFileName().toString())
                                            .orElse("")));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("meterflow policy: " + e.getMessage());
            return 1;
        }
    }

    private static Path existing(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException(file + ": no such file, or not readable");
        }
        return file;
    }

    private static String names() {
        return Stream.of(ServicePolicies.values()).map(ServicePolicies::command).collect(Collectors.joining(", "));
    }

    private static String help() {
        return HELP.formatted(Stream.of(ServicePolicies.values())
                .map(service -> String.format(
                        "  %-20s %s%n  %-20s (policy file: %s)",
                        service.command(), service.description(), "", service.policyFileVariable()))
                .collect(Collectors.joining("\n")));
    }
}
