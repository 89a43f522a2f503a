package org.servicegrid.protocol.config;

/**
 * A configuration value out of its allowed range. Every module's configuration beans throw it from
 * their {@code validate()} at application start, so a bad value fails the deployment with a message
 * naming its key.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String key, Object value, String rule) {
    super("Invalid configuration: " + key + " is '" + value + "' but " + rule);
  }

  /** Throws unless {@code valid}; {@code rule} completes "... but", e.g. "must be positive". */
  public static void require(boolean valid, String key, Object value, String rule) {
    if (!valid) {
      throw new InvalidConfigurationException(key, value, rule);
    }
  }
}
