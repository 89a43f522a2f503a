package org.servicegrid.protocol;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One service instance as the wire protocol describes it: its name, its {@code host:port} address,
 * the names of the services it depends on, and its metadata. Serialized with exactly the field
 * names of the original design ({@code Name}, {@code Addr}, {@code RequiredServices}) so that
 * services written against it interoperate; {@code Status} and {@code Meta} are servicegrid's own,
 * which such services ignore as unknown fields. {@code Status} ({@link InstanceStatus}) is always
 * written ({@code UP} when absent on reading); {@code Meta} only when it holds a pair ({@link
 * MetaJsonAdapter}). An instance is identified by name and address ({@link #id()}); the rest is its
 * payload.
 *
 * <p>{@code Meta} maps keys to strings; the keys {@link #VERSION}, {@link #ZONE} and {@link
 * #WEIGHT} have a meaning, any other is kept for people and tools. Kept sorted by key, so that
 * every answer lists it in one order whatever the order it was sent in.
 */
@JsonbPropertyOrder({"name", "addr", "requiredServices", "status", "meta"})
public record ServiceInfo(
    @JsonbProperty("Name") String name,
    @JsonbProperty("Addr") String addr,
    @JsonbProperty("RequiredServices") List<String> requiredServices,
    @JsonbProperty("Status") @JsonbTypeAdapter(StatusJsonAdapter.class) InstanceStatus status,
    @JsonbProperty("Meta") @JsonbTypeAdapter(MetaJsonAdapter.class) Map<String, String> meta) {

  /** The Meta key of the version the instance runs, e.g. {@code 2.1}. */
  public static final String VERSION = "version";

  /** The Meta key of the zone the instance runs in, e.g. {@code eu-west-1a}. */
  public static final String ZONE = "zone";

  /** The Meta key of the instance's share of traffic, an integer from 1 to 1000 (default 1). */
  public static final String WEIGHT = "weight";

  public static final int DEFAULT_WEIGHT = 1;

  @JsonbCreator
  public ServiceInfo(
      @JsonbProperty("Name") String name,
      @JsonbProperty("Addr") String addr,
      @JsonbProperty("RequiredServices") List<String> requiredServices,
      @JsonbProperty("Status") @JsonbTypeAdapter(StatusJsonAdapter.class) InstanceStatus status,
      @JsonbProperty("Meta") Map<String, String> meta) {
    this.name = name;
    this.addr = addr;
    this.requiredServices = requiredServices == null ? List.of() : List.copyOf(requiredServices);
    this.status = status == null ? InstanceStatus.UP : status; // absent: the original protocol
    // TreeMap rather than Map.copyOf: a null value must reach the validator, which names its key
    this.meta = meta == null || meta.isEmpty() ? Map.of() : sorted(meta);
  }

  /** An instance that is {@link InstanceStatus#UP}. */
  public ServiceInfo(
      String name, String addr, List<String> requiredServices, Map<String, String> meta) {
    this(name, addr, requiredServices, InstanceStatus.UP, meta);
  }

  /** An instance without Meta, as the original protocol knows it. */
  public ServiceInfo(String name, String addr, List<String> requiredServices) {
    this(name, addr, requiredServices, Map.of());
  }

  public static ServiceInfo of(String name, String addr, String... requiredServices) {
    return new ServiceInfo(name, addr, List.of(requiredServices));
  }

  /** This instance with other required services, and the same Meta. */
  public ServiceInfo withRequiredServices(List<String> required) {
    return new ServiceInfo(name, addr, required, status, meta);
  }

  /** This instance with other Meta. */
  public ServiceInfo withMeta(Map<String, String> newMeta) {
    return new ServiceInfo(name, addr, requiredServices, status, newMeta);
  }

  /** This instance with another status. */
  public ServiceInfo withStatus(InstanceStatus newStatus) {
    return new ServiceInfo(name, addr, requiredServices, newStatus, meta);
  }

  /** True unless an operator took it out of service. */
  public boolean inService() {
    return status == InstanceStatus.UP;
  }

  /**
   * The identity of this instance: registering the same id again replaces the earlier registration.
   */
  public InstanceId id() {
    return new InstanceId(name, addr);
  }

  public boolean requires(String serviceName) {
    return requiredServices.contains(serviceName);
  }

  /** Meta {@value #VERSION}, empty when not given. */
  public Optional<String> version() {
    return Optional.ofNullable(meta.get(VERSION));
  }

  /** Meta {@value #ZONE}, empty when not given. */
  public Optional<String> zone() {
    return Optional.ofNullable(meta.get(ZONE));
  }

  /**
   * Meta {@value #WEIGHT}, {@value #DEFAULT_WEIGHT} when not given. A validated instance holds a
   * valid one ({@link ServiceInfoValidator}); one built in code with an invalid value also counts
   * as {@value #DEFAULT_WEIGHT}.
   */
  public int weight() {
    String weight = meta.get(WEIGHT);
    return weight != null && ServiceInfoValidator.isValidWeight(weight)
        ? Integer.parseInt(weight)
        : DEFAULT_WEIGHT;
  }

  /**
   * The instance's base URL over plain HTTP, e.g. {@code http://127.0.0.1:20002}; the servers call
   * instances with the scheme of {@code servicegrid.tls} instead ({@link Transport#baseUrl}).
   */
  public String baseUrl() {
    return "http://" + addr;
  }

  private static Map<String, String> sorted(Map<String, String> meta) {
    return Collections.unmodifiableMap(new TreeMap<>(meta));
  }
}
