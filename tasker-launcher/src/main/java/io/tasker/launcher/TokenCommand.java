package io.tasker.launcher;

import io.tasker.security.Grant;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tasker token}: a bearer token signed with the embedded default's development key (docs/security.md),
 * for the API, the CLI ({@code TASKER_TOKEN}) and scripts. Without {@code --permissions} or {@code --groups}, an
 * administrator's.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a token signed with this data directory's development key (./tasker run makes it), "
                + "for the API's Authorization: Bearer header or TASKER_TOKEN. Default: an admin token for 1 h.")
final class TokenCommand implements Callable<Integer> {

    private static final Pattern LIFETIME = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

    @Option(names = "--permissions", split = ",", paramLabel = "<permission>",
            description = "Permissions granted, such as tasker.task:create or tasker.task:show@payments "
                    + "(docs/security.md lists them).")
    private List<String> permissions = new ArrayList<>();

    @Option(names = "--groups", split = ",", paramLabel = "<role>",
            description = "Roles (the groups claim), mapped to permissions by tasker.auth.roles (admin: all).")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--namespace", split = ",", paramLabel = "<namespace>",
            description = "Limit the token to these namespaces (the namespaces claim); repeatable.")
    private List<String> namespaces = new ArrayList<>();

    @Option(names = "--subject", paramLabel = "<name>",
            description = "Who the token names, recorded as the actor of its operator actions (default: admin, or "
                    + "user with --permissions or --groups).")
    private String subject;

    @Option(names = "--ttl", paramLabel = "<lifetime>", defaultValue = "1h",
            description = "How long it is valid: a number with s, m, h or d (default: ${DEFAULT-VALUE}).")
    private String ttl;

    @Override
    public Integer call() throws IOException {
        DevelopmentKeys.Bearer bearer;
        DevelopmentKeys keys;
        try {
            bearer = bearer();
            keys = DevelopmentKeys.open(TaskerStack.keysDirectoryOfThisRun());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        System.out.println(keys.token(bearer));
        return 0;
    }

    private DevelopmentKeys.Bearer bearer() {
        permissions.forEach(permission -> {
            try {
                Grant.parse(permission);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--permissions: " + e.getMessage(), e);
            }
        });
        Duration lifetime = lifetime(ttl);
        if (permissions.isEmpty() && groups.isEmpty()) {
            DevelopmentKeys.Bearer admin = subject == null ? DevelopmentKeys.Bearer.admin(lifetime)
                    : DevelopmentKeys.Bearer.admin(subject, lifetime);
            return new DevelopmentKeys.Bearer(admin.subject(), admin.groups(), admin.permissions(), namespaces,
                    lifetime);
        }
        return new DevelopmentKeys.Bearer(subject == null ? "user" : subject, groups, permissions, namespaces,
                lifetime);
    }

    /** A lifetime such as {@code 90s}, {@code 30m}, {@code 1h} or {@code 7d}. */
    static Duration lifetime(String text) {
        Matcher matcher = LIFETIME.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--ttl must be a number with s, m, h or d (such as 30m), got '" + text
                    + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
