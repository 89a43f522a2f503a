package org.servicegrid.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * Reads and validates the library's configuration keys from any key-value source (MicroProfile Config in
 * the server, a map in tests), collecting every problem instead of stopping at the first, so one log line
 * tells an operator everything that is wrong. A missing or invalid tuning value falls back to the
 * library's documented default so that the parts that do not depend on registration keep working.
 */
public final class SettingsParser {

  public static final String SERVICE_NAME = "service.name";
  public static final String SERVICE_ADDRESS = "service.address";
  public static final String SERVICE_REQUIRED = "service.required";
  public static final String REGISTRY_URL = "registry.url";
  public static final String CONNECT_TIMEOUT = "registry.client.connect-timeout";
  public static final String READ_TIMEOUT = "registry.client.read-timeout";
  public static final String DEREGISTER_TIMEOUT = "registry.client.deregister-timeout";
  public static final String SELECTION = "registry.client.selection";
  public static final String FAILURE_COOLDOWN = "registry.client.failure-cooldown";
  public static final String RETRY_INITIAL_DELAY = "registry.client.retry.initial-delay";
  public static final String RETRY_MAX_DELAY = "registry.client.retry.max-delay";
  public static final String REGISTRY_SILENCE = "registry.client.registry-silence";

  private final Function<String, Optional<String>> source;
  private final List<String> problems = new ArrayList<>();

  private SettingsParser(Function<String, Optional<String>> source) {
    this.source = source;
  }

  /** Parses every key; blank values count as absent, as MicroProfile Config treats them. */
  public static ClientSettings parse(Function<String, Optional<String>> source) {
    return new SettingsParser(source).settings();
  }

  private ClientSettings settings() {
    String name = text(SERVICE_NAME).orElse(null);
    String address = text(SERVICE_ADDRESS).orElse(null);
    List<String> required = names(text(SERVICE_REQUIRED).orElse(""));
    validateSelf(name, address, required);
    Duration retryInitial = millis(RETRY_INITIAL_DELAY, 200);
    Duration retryMax = millis(RETRY_MAX_DELAY, 5000);
    if (retryMax.compareTo(retryInitial) < 0) {
      problems.add(RETRY_MAX_DELAY + " must not be smaller than " + RETRY_INITIAL_DELAY);
      retryMax = retryInitial;
    }
    return new ClientSettings(
        name, address, required, registryUrl(),
        millis(CONNECT_TIMEOUT, 1000), millis(READ_TIMEOUT, 3000), millis(DEREGISTER_TIMEOUT, 1000),
        selection(), millis(FAILURE_COOLDOWN, 2000), retryInitial, retryMax, millis(REGISTRY_SILENCE, 5000),
        problems);
  }

  private void validateSelf(String name, String address, List<String> required) {
    if (name == null) {
      problems.add(SERVICE_NAME + " is not set");
    }
    if (address == null) {
      problems.add(SERVICE_ADDRESS + " is not set (host:port this instance advertises)");
    }
    if (name != null && address != null) {
      try {
        ServiceInfoValidator.validate(new ServiceInfo(name, address, required));
      } catch (InvalidRequestException e) {
        problems.add("invalid " + SERVICE_NAME + "/" + SERVICE_ADDRESS + "/" + SERVICE_REQUIRED + ": "
            + e.getMessage());
      }
    }
  }

  private URI registryUrl() {
    String fallback = "http://127.0.0.1:20000";
    String value = text(REGISTRY_URL).orElse(fallback);
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below like any other unusable value
    }
    problems.add(REGISTRY_URL + " '" + value + "' is not an http(s) URL such as " + fallback);
    return URI.create(fallback);
  }

  private SelectionPolicy selection() {
    Optional<String> value = text(SELECTION);
    Optional<SelectionPolicy> policy = value.flatMap(SelectionPolicy::fromConfig);
    if (value.isPresent() && policy.isEmpty()) {
      problems.add(SELECTION + " '" + value.get() + "' is not one of round-robin, random");
    }
    return policy.orElse(SelectionPolicy.ROUND_ROBIN);
  }

  private Duration millis(String key, long fallback) {
    Optional<String> value = text(key);
    if (value.isEmpty()) {
      return Duration.ofMillis(fallback);
    }
    try {
      long millis = Long.parseLong(value.get().trim());
      if (millis > 0) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below like a non-positive value
    }
    problems.add(key + " '" + value.get() + "' must be a positive number of milliseconds");
    return Duration.ofMillis(fallback);
  }

  private Optional<String> text(String key) {
    return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** Splits a comma-separated list, dropping blanks and duplicates but keeping the order. */
  static List<String> names(String commaSeparated) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(n -> !n.isEmpty()).forEach(names::add);
    return List.copyOf(names);
  }
}
