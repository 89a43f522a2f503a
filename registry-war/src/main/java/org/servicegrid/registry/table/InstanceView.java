package org.servicegrid.registry.table;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicegrid.protocol.InstanceStatus;

/** One registered instance with its heart-beat state, as the operations dashboard shows it. */
@JsonbNillable // null fields are sent as null, so the dashboard sees every field
@JsonbPropertyOrder({
  "name",
  "addr",
  "requiredServices",
  "meta",
  "status",
  "registeredSince",
  "lastHeartBeat",
  "state",
  "consecutiveFailures"
})
@Schema(description = "A registered instance and its heart-beat state")
public record InstanceView(
    @JsonbProperty("Name") String name,
    @JsonbProperty("Addr") String addr,
    @JsonbProperty("RequiredServices") List<String> requiredServices,
    @JsonbProperty("Meta")
        @Schema(description = "The instance's metadata: key to value, {} when it has none")
        Map<String, String> meta,
    @JsonbProperty("Status")
        @Schema(description = "UP, or OUT_OF_SERVICE when an operator took it out of service")
        InstanceStatus status,
    @Schema(description = "Time of the (last) registration, ISO-8601") Instant registeredSince,
    @Schema(
            description = "Time of the last answered heart-beat, ISO-8601; null before the first",
            nullable = true)
        Instant lastHeartBeat,
    @Schema(description = "UP, or FAILING while heart-beats are being missed") InstanceState state,
    @Schema(description = "Heart-beats missed in a row") int consecutiveFailures) {

  static InstanceView of(Registration registration) {
    return new InstanceView(
        registration.info().name(),
        registration.info().addr(),
        registration.info().requiredServices(),
        registration.info().meta(),
        registration.info().status(),
        registration.registeredSince(),
        registration.lastHeartBeat(),
        registration.state(),
        registration.consecutiveFailures());
  }
}
