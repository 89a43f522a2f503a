package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicegrid.testsupport.Http;

/**
 * One scrape of a server's {@code /metrics} in the Prometheus text format, parsed into samples so
 * that tests can compare values before and after a scenario and print the lines they are about.
 */
public final class Prometheus {

  /** {@code name{label="value",...} 1.0}; Liberty writes a trailing comma inside the braces. */
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)$");

  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  public record Sample(String name, Map<String, String> labels, double value, String line) {}

  private final List<Sample> samples;

  private Prometheus(List<Sample> samples) {
    this.samples = samples;
  }

  public static Prometheus scrape(Server server) throws Exception {
    return scrape(server.url("/metrics"));
  }

  /** One scrape of {@code metricsUrl}, e.g. an extra instance's {@code /metrics?scope=...}. */
  public static Prometheus scrape(String metricsUrl) throws Exception {
    HttpResponse<String> response = Http.get(metricsUrl);
    assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type -> assertThat(type).as("Prometheus text format").startsWith("text/plain"));
    return parse(response.body());
  }

  public static Prometheus parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.strip());
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3)), line));
    }
    return new Prometheus(samples);
  }

  /**
   * The samples called {@code name} whose labels include {@code labelPairs} (name, value, name,
   * value...).
   */
  public List<Sample> samples(String name, String... labelPairs) {
    return samples.stream().filter(s -> s.name().equals(name) && hasLabels(s, labelPairs)).toList();
  }

  /**
   * The value of the one matching sample; 0 when there is none yet (a tagged counter appears on
   * first use).
   */
  public double value(String name, String... labelPairs) {
    List<Sample> matching = samples(name, labelPairs);
    assertThat(matching)
        .as("samples of %s %s", name, List.of(labelPairs))
        .hasSizeLessThanOrEqualTo(1);
    return matching.isEmpty() ? 0 : matching.get(0).value();
  }

  /** The names of the application's metrics ({@code mp_scope="application"}). */
  public List<String> applicationNames() {
    return samples.stream()
        .filter(s -> "application".equals(s.labels().get("mp_scope")))
        .map(Sample::name)
        .distinct()
        .toList();
  }

  /** Prints the matching lines under a heading, so the test output shows what was compared. */
  public void print(String heading, String name, String... labelPairs) {
    System.out.println("# " + heading);
    samples(name, labelPairs).forEach(s -> System.out.println(s.line()));
  }

  private static boolean hasLabels(Sample sample, String... labelPairs) {
    for (int i = 0; i + 1 < labelPairs.length; i += 2) {
      if (!labelPairs[i + 1].equals(sample.labels().get(labelPairs[i]))) {
        return false;
      }
    }
    return true;
  }
}
