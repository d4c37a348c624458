package io.tasker.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One scrape of a node's {@code /tasker/metrics} (Prometheus text): the value of each series, by name and labels.
 */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Series(String name, Map<String, String> labels) {
    }

    private final Map<Series, Double> samples = new LinkedHashMap<>();
    private final String text;

    private Metrics(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.put(new Series(sample.group(1), labels), Double.valueOf(sample.group(4)));
            }
        }
    }

    /** Scrapes the node the client talks to, with the client's token. */
    static Metrics scrape(TaskerClient client) throws IOException, InterruptedException {
        return scrape(client.authorized(HttpRequest.newBuilder(URI.create(client.api() + "/metrics"))));
    }

    /** Scrapes an endpoint that serves metrics in Prometheus's format. */
    static Metrics scrape(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest get = request.GET().build();
        HttpResponse<String> response = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(get.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Metrics(response.body());
    }

    /** The sum of the series of that name whose labels include all of {@code labels} (0 when there is none). */
    double sum(String name, Map<String, String> labels) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().name().equals(name)
                        && sample.getKey().labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** Whether any series carries this label value. */
    boolean hasLabelValue(String label, String value) {
        return samples.keySet().stream().anyMatch(series -> value.equals(series.labels().get(label)));
    }

    /** Whether a series of that name exists. */
    boolean has(String name) {
        return samples.keySet().stream().anyMatch(series -> series.name().equals(name));
    }

    /** The names of the series that start with {@code prefix}. */
    Set<String> names(String prefix) {
        return samples.keySet().stream()
                .map(Series::name)
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return text;
    }
}
