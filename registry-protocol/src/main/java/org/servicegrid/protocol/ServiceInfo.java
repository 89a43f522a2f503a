package org.servicegrid.protocol;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One service instance as the wire protocol describes it: its name, its {@code host:port} address
 * and the names of the services it depends on. Serialized with exactly the field names of the
 * original design ({@code Name}, {@code Addr}, {@code RequiredServices}) so that services written
 * against it interoperate. An instance is identified by name and address ({@link #id()}); the
 * required services are its payload.
 */
@JsonbPropertyOrder({"name", "addr", "requiredServices"})
public record ServiceInfo(
    @JsonbProperty("Name") String name,
    @JsonbProperty("Addr") String addr,
    @JsonbProperty("RequiredServices") List<String> requiredServices) {

  @JsonbCreator
  public ServiceInfo(
      @JsonbProperty("Name") String name,
      @JsonbProperty("Addr") String addr,
      @JsonbProperty("RequiredServices") List<String> requiredServices) {
    this.name = name;
    this.addr = addr;
    this.requiredServices = requiredServices == null ? List.of() : List.copyOf(requiredServices);
  }

  public static ServiceInfo of(String name, String addr, String... requiredServices) {
    return new ServiceInfo(name, addr, List.of(requiredServices));
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

  /**
   * The instance's base URL over plain HTTP, e.g. {@code http://127.0.0.1:20002}; the servers call
   * instances with the scheme of {@code servicegrid.tls} instead ({@link Transport#baseUrl}).
   */
  public String baseUrl() {
    return "http://" + addr;
  }
}
