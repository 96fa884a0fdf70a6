package io.meterflow.operator.catalog;

import io.meterflow.operator.keystone.AdminCredentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What {@code bin/meterflow catalog register|unregister} is asked to do: its command line over
 * the admin's {@code OS_*} variables and the services' {@code METERFLOW_KEYSTONE_*} ones.
 *
 * @param services in the order of {@link MeterflowService}
 * @param urls for {@code register}, every endpoint URL of every service in {@code services}
 * @param serviceUser the service user to create ({@code register}) or delete ({@code unregister})
 */
public record CatalogSettings(
        Action action,
        AdminCredentials admin,
        String region,
        List<MeterflowService> services,
        Map<MeterflowService, Map<Interface, URI>> urls,
        boolean dryRun,
        Optional<ServiceUser> serviceUser,
        boolean deleteRegion) {

    /** The two subcommands. */
    public enum Action {
        REGISTER,
        UNREGISTER
    }

    /** A command line the command does not understand; the message names every problem. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final Set<String> SWITCHES =
            Set.of("dry-run", "create-service-user", "delete-service-user", "delete-region");

    public CatalogSettings {
        services = List.copyOf(services);
        urls = Map.copyOf(urls);
    }

    public static CatalogSettings parse(List<String> args, UnaryOperator<String> environment) throws UsageException {
        if (args.isEmpty() || !List.of("register", "unregister").contains(args.get(0))) {
            throw new UsageException("expected register or unregister");
        }
        Action action = Action.valueOf(args.get(0).toUpperCase(Locale.ROOT));
        List<String> problems = new ArrayList<>();
        Map<String, String> flags = flags(args.subList(1, args.size()), action, problems);

        AdminCredentials admin = null;
        try {
            admin = AdminCredentials.from(flags::get, environment);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String region = first(flags.get("region"), flags.get("os-region-name"), environment.apply("OS_REGION_NAME"))
                .orElse("RegionOne");
        Set<MeterflowService> services = services(flags.get("services"), problems);
        Map<MeterflowService, Map<Interface, URI>> urls =
                action == Action.REGISTER ? urls(services, flags, problems) : Map.of();
        Optional<ServiceUser> serviceUser = serviceUser(action, flags, environment, problems);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        return new CatalogSettings(
                action,
                admin,
                region,
                List.copyOf(services),
                urls,
                flags.containsKey("dry-run"),
                serviceUser,
                flags.containsKey("delete-region"));
    }

    private static Map<String, String> flags(List<String> args, Action action, List<String> problems) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                problems.add("unexpected argument '" + arg + "'");
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (SWITCHES.contains(name)) {
                boolean fits =
                        action == Action.REGISTER ? !name.startsWith("delete-") : !name.equals("create-service-user");
                if (!fits) {
                    problems.add("--" + name + " is not an option of "
                            + action.name().toLowerCase(Locale.ROOT));
                }
                flags.put(name, "true");
                continue;
            }
            if (!isValueOption(name)) {
                problems.add("unknown option --" + name);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    problems.add("--" + name + " needs a value");
                    continue;
                }
                value = args.get(++i);
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static boolean isValueOption(String name) {
        if (name.startsWith("os-")
                && List.of(
                                "auth-url",
                                "username",
                                "password",
                                "project-name",
                                "user-domain-name",
                                "project-domain-name",
                                "user-domain-id",
                                "project-domain-id",
                                "region-name")
                        .contains(name.substring(3))) {
            return true;
        }
        if (List.of(
                        "region",
                        "services",
                        "public-url-base",
                        "internal-url-base",
                        "admin-url-base",
                        "service-user",
                        "service-project",
                        "service-user-domain")
                .contains(name)) {
            return true;
        }
        for (MeterflowService service : MeterflowService.values()) {
            if (name.equals(service.option() + "-url")) {
                return true;
            }
            for (Interface face : Interface.values()) {
                if (name.equals(service.option() + "-" + face.keystoneName() + "-url")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<MeterflowService> services(String list, List<String> problems) {
        if (list == null) {
            return EnumSet.allOf(MeterflowService.class);
        }
        Set<MeterflowService> services = EnumSet.noneOf(MeterflowService.class);
        for (String name : list.split(",")) {
            Optional<MeterflowService> service = List.of(MeterflowService.values()).stream()
                    .filter(s -> s.option().equals(name.trim()) || s.type().equals(name.trim()))
                    .findFirst();
            if (service.isPresent()) {
                services.add(service.get());
            } else {
                problems.add("--services: unknown service '" + name.trim() + "' (metric, rating, reports)");
            }
        }
        return services;
    }

    private static Map<MeterflowService, Map<Interface, URI>> urls(
            Set<MeterflowService> services, Map<String, String> flags, List<String> problems) {
        Map<Interface, Optional<URI>> bases = new EnumMap<>(Interface.class);
        Optional<URI> publicBase = base("public-url-base", flags, problems);
        Optional<URI> internalBase = base("internal-url-base", flags, problems).or(() -> publicBase);
        bases.put(Interface.PUBLIC, publicBase);
        bases.put(Interface.INTERNAL, internalBase);
        bases.put(Interface.ADMIN, base("admin-url-base", flags, problems).or(() -> internalBase));
        boolean refusedBase = problems.stream().anyMatch(problem -> problem.contains("-url-base"));
        Map<MeterflowService, Map<Interface, URI>> urls = new EnumMap<>(MeterflowService.class);
        for (MeterflowService service : services) {
            Map<Interface, URI> endpoints = new EnumMap<>(Interface.class);
            for (Interface face : Interface.values()) {
                String specific = service.option() + "-" + face.keystoneName() + "-url";
                String general = service.option() + "-url";
                String given = flags.containsKey(specific) ? specific : general;
                Optional<URI> url = first(flags.get(specific), flags.get(general))
                        .map(text -> url(text, given, problems))
                        .or(() -> bases.get(face).map(base -> withPort(base, service.port())));
                if (url.isEmpty() && !refusedBase) { // a refused base is reported once, above
                    problems.add("no " + face.keystoneName() + " URL for " + service + ": give --public-url-base, --"
                            + general + " or --" + specific);
                }
                url.ifPresent(found -> endpoints.put(face, found));
            }
            urls.put(service, endpoints);
        }
        return urls;
    }

    /** A base is {@code scheme://host}: each service adds its own port, so the base may have none. */
    private static Optional<URI> base(String flag, Map<String, String> flags, List<String> problems) {
        String text = flags.get(flag);
        if (text == null) {
            return Optional.empty();
        }
        URI url = url(text, flag, problems);
        if (url == null) {
            return Optional.empty();
        }
        if (url.getPort() != -1
                || !(url.getRawPath() == null || url.getRawPath().isEmpty())) {
            problems.add("--" + flag + " must be scheme://host, to which each service adds its port (8041, 8889,"
                    + " 8890), not '" + text + "'; behind a proxy give each service's URL (--metric-url ...)");
            return Optional.empty();
        }
        return Optional.of(url);
    }

    private static URI url(String text, String flag, List<String> problems) {
        String trimmed = text.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI url = URI.create(trimmed);
            if (List.of("http", "https").contains(String.valueOf(url.getScheme()))
                    && url.getHost() != null
                    && url.getRawQuery() == null) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        problems.add("--" + flag + " must be an http(s) URL, not '" + text + "'");
        return null;
    }

    private static URI withPort(URI base, int port) {
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + ":" + port);
    }

    private static Optional<ServiceUser> serviceUser(
            Action action, Map<String, String> flags, UnaryOperator<String> environment, List<String> problems) {
        boolean wanted = flags.containsKey(action == Action.REGISTER ? "create-service-user" : "delete-service-user");
        if (!wanted) {
            return Optional.empty();
        }
        Optional<String> password = first(environment.apply("METERFLOW_KEYSTONE_PASSWORD"));
        if (action == Action.REGISTER && password.isEmpty()) {
            problems.add("--create-service-user takes the password from METERFLOW_KEYSTONE_PASSWORD, which is not set");
        }
        return Optional.of(new ServiceUser(
                first(flags.get("service-user"), environment.apply("METERFLOW_KEYSTONE_USER"))
                        .orElse("meterflow"),
                action == Action.REGISTER ? password : Optional.empty(),
                first(flags.get("service-project"), environment.apply("METERFLOW_KEYSTONE_PROJECT"))
                        .orElse("service"),
                first(flags.get("service-user-domain"), environment.apply("METERFLOW_KEYSTONE_DOMAIN"))
                        .orElse("Default")));
    }

    private static Optional<String> first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
