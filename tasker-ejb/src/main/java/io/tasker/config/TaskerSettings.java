package io.tasker.config;

import io.tasker.security.RoleMapping;
import io.tasker.security.VerificationKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every Tasker setting, read once from MicroProfile Config and checked at boot, so a wrong value stops deployment
 * with a message naming its key. Defaults live in
 * {@code META-INF/microprofile-config.properties}; environment variables override them ({@code tasker.backoff.
 * max-backoff-seconds} is {@code TASKER_BACKOFF_MAX_BACKOFF_SECONDS}). docs/configuration.md describes each key.
 */
@ApplicationScoped
public class TaskerSettings {

    private static final Logger LOG = Logger.getLogger(TaskerSettings.class.getName());
    private static final Duration DAY = Duration.ofDays(1);
    // A document is read whole into a node's heap: beyond this, one request could exhaust it.
    private static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

    @Inject
    private Config config;

    private String environment;
    private Optional<Path> templatesDirectory;
    private String nodeName;
    private int maxConcurrentSteps;
    private int stepThreads;
    private Duration stepLease;
    private Duration stepTimeout;
    private Duration sweepInterval;
    private Duration sweepGrace;
    private Duration shutdownGrace;
    private List<Duration> backoffProgression;
    private double backoffMultiplier;
    private Duration maxBackoff;
    private double jitterFraction;
    private Duration backoffBuffer;
    private Duration waitingDelay;
    private SizeLimit requestLimit;
    private DepthLimit depthLimit;
    private SizeLimit contextLimit;
    private SizeLimit resultsLimit;
    private Duration statusCachePeriod;
    private Duration eventPollInterval;
    private Duration eventLease;
    private boolean eventTopicEnabled;
    private boolean jsonLogs;
    private boolean authEnabled;
    private RoleMapping roles;

    @PostConstruct
    void load() {
        SettingsReader reader = new SettingsReader(key -> config.getOptionalValue(key, String.class));
        environment = reader.text("tasker.environment");
        templatesDirectory = reader.optionalText("tasker.templates.dir").map(Path::of);
        nodeName = reader.optionalText("tasker.node.name").orElseGet(TaskerSettings::defaultNodeName);
        maxConcurrentSteps = reader.integer("tasker.execution.max-concurrent-steps", 1, 256);
        stepThreads = reader.integer("tasker.execution.step-threads", 1, 1024);
        // Read by the task runner's activation; checked here because beyond the container's pool of message-bean
        // instances (32 by default) the runner never starts and the node consumes nothing.
        reader.integer("tasker.runner.max-sessions", 1, 32);
        stepLease = reader.seconds("tasker.step.lease-seconds", Duration.ofSeconds(1), Duration.ofHours(1));
        stepTimeout = reader.seconds("tasker.step.timeout-seconds", Duration.ofMillis(100), DAY);
        sweepInterval = reader.seconds("tasker.sweep.interval-seconds", Duration.ofSeconds(1), Duration.ofHours(1));
        sweepGrace = reader.seconds("tasker.sweep.grace-seconds", Duration.ofSeconds(1), DAY);
        shutdownGrace = reader.seconds("tasker.shutdown.grace-seconds", Duration.ZERO, Duration.ofMinutes(10));

        maxBackoff = reader.seconds("tasker.backoff.max-backoff-seconds", Duration.ofMillis(1), DAY);
        backoffProgression = reader.secondsList("tasker.backoff.default-backoff-seconds", Duration.ZERO, DAY);
        backoffMultiplier = reader.decimal("tasker.backoff.multiplier", 1, 10);
        boolean jitter = reader.bool("tasker.backoff.jitter-enabled");
        double jitterMaximum = reader.decimal("tasker.backoff.jitter-max-percentage", 0, 1);
        jitterFraction = jitter ? jitterMaximum : 0;
        backoffBuffer = reader.seconds("tasker.backoff.buffer-seconds", Duration.ZERO, Duration.ofMinutes(5));
        waitingDelay = reader.seconds("tasker.reenqueue.waiting-delay-seconds", Duration.ZERO, DAY);
        requestLimit = limit(reader, "tasker.api.max-request-bytes");
        depthLimit = new DepthLimit("tasker.api.max-json-depth", reader.integer("tasker.api.max-json-depth", 2, 1000));
        contextLimit = limit(reader, "tasker.task.max-context-bytes");
        resultsLimit = limit(reader, "tasker.step.max-results-bytes");
        statusCachePeriod = reader.seconds("tasker.health.status-cache-seconds", Duration.ZERO, Duration.ofHours(1));
        jsonLogs = reader.choice("tasker.log.format", List.of("text", "json")).equals("json");
        eventPollInterval = reader.seconds("tasker.events.poll-interval-seconds", Duration.ofMillis(10),
                Duration.ofMinutes(1));
        eventLease = reader.seconds("tasker.events.lease-seconds", Duration.ofSeconds(1), Duration.ofHours(1));
        eventTopicEnabled = reader.bool("tasker.events.topic.enabled");
        readAuthentication(reader);
        reader.failOnProblems();
        if (!authEnabled) {
            LOG.warning("TASKER-AUTH-001 authentication is off (tasker.auth.enabled=false): whoever reaches this "
                    + "node's HTTP port may read, create, retry and cancel every task");
        }
    }

    // MicroProfile JWT's own settings are checked too: the server reads them only when the first token arrives.
    private void readAuthentication(SettingsReader reader) {
        authEnabled = reader.bool("tasker.auth.enabled");
        roles = reader.parsed("tasker.auth.roles", RoleMapping::parse, RoleMapping.parse(""));
        if (authEnabled) {
            reader.text("mp.jwt.verify.issuer");
            reader.text("mp.jwt.verify.audiences");
            reader.exactlyOne("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location");
            reader.checkIfPresent("mp.jwt.verify.publickey", VerificationKeys::checkKey);
            reader.checkIfPresent("mp.jwt.verify.publickey.location", VerificationKeys::checkLocation);
        }
    }

    /** Whether requests must carry a valid token ({@code tasker.auth.enabled}). */
    public boolean authEnabled() {
        return authEnabled;
    }

    /** The roles a token's groups name, and what each grants (a bean: the authorizer's). */
    @Produces
    public RoleMapping roles() {
        return roles;
    }

    private static SizeLimit limit(SettingsReader reader, String key) {
        return new SizeLimit(key, reader.integer(key, 2, MAX_DOCUMENT_BYTES));
    }

    /** How often a node looks for events to deliver to its subscribers while it has none under way. */
    public Duration eventPollInterval() {
        return eventPollInterval;
    }

    /** How long a node holds a subscriber's cursor while it delivers, before another node may take it over. */
    public Duration eventLease() {
        return eventLease;
    }

    /** Whether every event also goes to the broker's topic {@code tasker.events}. */
    public boolean eventTopicEnabled() {
        return eventTopicEnabled;
    }

    /** Whether the engine logs JSON lines to standard output ({@code tasker.log.format=json}). */
    public boolean jsonLogs() {
        return jsonLogs;
    }

    /** How long the system's status, once counted, is answered before it is counted again. */
    public Duration statusCachePeriod() {
        return statusCachePeriod;
    }

    /** The largest request body (HTTP or JMS) a node reads. */
    public SizeLimit requestLimit() {
        return requestLimit;
    }

    /** How deep a request's JSON (HTTP or JMS) may nest. */
    public DepthLimit depthLimit() {
        return depthLimit;
    }

    /** The largest context a task may have. */
    public SizeLimit contextLimit() {
        return contextLimit;
    }

    /** The largest results a step may have, and the largest inputs an operator may give it. */
    public SizeLimit resultsLimit() {
        return resultsLimit;
    }

    /** Which {@code environments.<env>} section of the templates applies. */
    public String environment() {
        return environment;
    }

    /** A directory of task templates to load besides those on the classpath. */
    public Optional<Path> templatesDirectory() {
        return templatesDirectory;
    }

    /** This node's name, recorded as the claimant of the steps it runs. */
    public String nodeName() {
        return nodeName;
    }

    /** How many steps of one task may run at once on this node. */
    public int maxConcurrentSteps() {
        return maxConcurrentSteps;
    }

    /** How many step handlers run at once on this node, all tasks together. */
    public int stepThreads() {
        return stepThreads;
    }

    /** How long a claim on a running step holds without renewal; a dead node's steps are recovered after it. */
    public Duration stepLease() {
        return stepLease;
    }

    /** How long an attempt may run when its template sets no {@code timeout_seconds}. */
    public Duration stepTimeout() {
        return stepTimeout;
    }

    /** How often this node looks for expired claims and forgotten tasks. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** How long past its due pass an untouched active task waits before the sweep re-drives it. */
    public Duration sweepGrace() {
        return sweepGrace;
    }

    /** How long a stopping node lets its running steps finish before it releases them to other nodes. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** The waits after the 1st, 2nd, ... failed attempt of a step. */
    public List<Duration> backoffProgression() {
        return backoffProgression;
    }

    /** The exponent of the wait after attempts beyond the progression. */
    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    /** The longest wait before a retry. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** How far a wait may be moved at random, as a fraction of itself; 0 when jitter is off. */
    public double jitterFraction() {
        return jitterFraction;
    }

    /** Added to the wait for a retry, so the message that drives it does not arrive just before it is due. */
    public Duration backoffBuffer() {
        return backoffBuffer;
    }

    /** When steps wait for dependencies that nothing is working on, how long until the task is looked at again. */
    public Duration waitingDelay() {
        return waitingDelay;
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
