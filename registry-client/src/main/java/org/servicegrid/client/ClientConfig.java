package org.servicegrid.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The library's configuration as a CDI bean: {@link ClientSettings} parsed once from MicroProfile Config when
 * first needed. Reading once means a value changed at run time (e.g. a server.xml variable) takes effect
 * at the next application start, like the rest of the server's configuration.
 */
@ApplicationScoped
public class ClientConfig {

  private static final Logger LOG = Logger.getLogger(ClientConfig.class.getName());

  @Inject Config config;

  private ClientSettings settings;

  @PostConstruct
  void load() {
    settings = SettingsParser.parse(key -> config.getOptionalValue(key, String.class));
    if (settings.valid()) {
      LOG.log(Level.INFO, "Registry client configured: {0} at {1}, requires {2}, registry {3}",
          new Object[] {settings.serviceName(), settings.serviceAddress(), settings.requiredServices(),
              settings.registryUrl()});
    } else {
      LOG.log(Level.SEVERE, "Registry client configuration is invalid, this instance will not register: {0}",
          settings.problems());
    }
  }

  public ClientSettings settings() {
    return settings;
  }
}
