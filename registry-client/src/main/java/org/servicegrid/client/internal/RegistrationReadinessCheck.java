package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "registration": UP while this instance is registered and the registry has been heard
 * from within {@code registry.client.registry-silence}. An instance the registry does not know
 * receives no traffic through the gateway and no change notifications, so it should not count as
 * ready; the DOWN answer carries the reason and the registry URL so an operator sees at once what
 * to check.
 */
@Readiness
@ApplicationScoped
public class RegistrationReadinessCheck implements HealthCheck {

  @Inject ClientConfig config;
  @Inject RegistrationState state;

  @Override
  public HealthCheckResponse call() {
    RegistrationState.Snapshot now = state.snapshot();
    long silence = config.registrySilence().toMillis();
    boolean heard = now.silentForMillis() <= silence;
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("registration")
            .status(now.phase() == RegistrationState.Phase.REGISTERED && heard)
            .withData("phase", now.phase().name().toLowerCase(java.util.Locale.ROOT))
            .withData("registry", config.registryUrl())
            .withData("instance", config.self().id().toString())
            .withData("lastHeardFromRegistryMillisAgo", now.silentForMillis());
    String reason = reason(now, heard, silence);
    if (reason != null) {
      response.withData("reason", reason);
    }
    return response.build();
  }

  private static String reason(RegistrationState.Snapshot now, boolean heard, long silence) {
    return switch (now.phase()) {
      case REGISTERED ->
          heard ? null : "no heart-beat from the registry for more than " + silence + " ms";
      case REREGISTERING -> now.lastFailure();
      case STARTING, REGISTERING ->
          now.lastFailure() == null ? "registration in progress" : now.lastFailure();
      case DEREGISTERED -> "deregistered: the application is stopping";
    };
  }
}
