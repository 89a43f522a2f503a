package org.servicegrid.log;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.servicegrid.protocol.config.ConfigKeys;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The log service's settings ({@code log.*}), read once into the records it produces for the beans
 * that use them. Defaults live only in {@code META-INF/microprofile-config.properties}, except
 * {@code log.file}: its default comes from server.xml (a properties default would outrank it).
 * Validated once, before the rest of the application starts: a bad value fails the deployment
 * naming its key.
 */
@ApplicationScoped
public class LogConfig extends ValidatedConfig {

  @Produces LogFileSettings file;
  @Produces MessageLimitSettings limits;
  @Produces TailSettings tail;

  @Override
  public void validate() {
    ConfigKeys log = keys("log");
    file =
        new LogFileSettings(
            pathOrServerOutput(log.optional("file"), "logs", "service.log"),
            log.number("rotate.max-bytes", 1024),
            log.integer("rotate.keep", 0));
    limits =
        new MessageLimitSettings(
            log.integer("message.max-bytes", 1), log.integer("batch.max-bytes", 2));
    int maxLines = log.integer("tail.max-lines", 1);
    int defaultLines = log.integer("tail.default-lines");
    require(
        defaultLines >= 1 && defaultLines <= maxLines,
        log.key("tail.default-lines"),
        defaultLines,
        "must be between 1 and log.tail.max-lines");
    tail = new TailSettings(defaultLines, maxLines, log.number("tail.max-bytes", 1024));
  }
}
