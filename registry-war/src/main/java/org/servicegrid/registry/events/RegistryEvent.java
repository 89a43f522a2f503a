package org.servicegrid.registry.events;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of the recent-events log, as the dashboard reads it: when, what, which instance, and
 * for a failed notice which dependent and why, for a change of status who made it ({@code detail};
 * null otherwise).
 */
@JsonbNillable // null fields are sent as null, so the dashboard sees every field
@JsonbPropertyOrder({"at", "type", "name", "addr", "detail"})
@Schema(description = "A registry event")
public record RegistryEvent(
    @Schema(description = "When it happened (ISO-8601)", example = "2026-11-25T10:15:30.123Z")
        Instant at,
    @Schema(description = "What happened") Type type,
    @Schema(description = "Service name of the instance concerned") String name,
    @Schema(description = "Address of the instance concerned") String addr,
    @Schema(
            description =
                "For NOTIFICATION_FAILED: the dependent and the reason; for OUT_OF_SERVICE and"
                    + " BACK_IN_SERVICE: who set the status",
            nullable = true)
        String detail) {

  /** The kinds of event the dashboard shows. */
  @Schema(name = "RegistryEventType")
  public enum Type {
    REGISTERED,
    REPLACED,
    DEREGISTERED,
    EVICTED,
    OUT_OF_SERVICE,
    BACK_IN_SERVICE,
    NOTIFICATION_FAILED
  }
}
