package org.servicegrid.protocol.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.servicegrid.protocol.auth.AllowedAddresses;
import org.servicegrid.protocol.auth.BearerAuthorization;
import org.servicegrid.protocol.auth.Pem;

/**
 * The keys under one prefix, read through MicroProfile Config (so a key's default comes from the
 * module's {@code microprofile-config.properties} and an environment variable or system property
 * overrides it, as for an injected {@code @ConfigProperty}), each checked as it is read: a number
 * out of its range throws {@link InvalidConfigurationException} naming the full key. A missing key
 * or a value that is no number fails as MicroProfile Config fails, naming the key too.
 *
 * @param prefix the keys' common prefix, empty for none
 */
public record ConfigKeys(Config config, String prefix) {

  /** The keys under {@code prefix.name}. */
  public ConfigKeys under(String name) {
    return new ConfigKeys(config, key(name));
  }

  /** The full key, for a message about a rule that involves several keys. */
  public String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  public String text(String name) {
    return config.getValue(key(name), String.class);
  }

  /** Empty when the key is absent or blank (MicroProfile Config treats a blank value as absent). */
  public Optional<String> optional(String name) {
    return config.getOptionalValue(key(name), String.class);
  }

  /**
   * The names of the keys under {@code prefix.name.} that the configuration lists, without that
   * prefix, sorted. Environment variables are listed under their own names ({@code SERVICE_X}), so
   * only keys that a key of their spelling is looked up by ({@link #optional}) reach them.
   */
  public SortedSet<String> namesUnder(String name) {
    String under = key(name) + ".";
    SortedSet<String> names = new TreeSet<>();
    for (String property : config.getPropertyNames()) {
      if (property.startsWith(under) && property.length() > under.length()) {
        names.add(property.substring(under.length()));
      }
    }
    return names;
  }

  public boolean flag(String name) {
    return config.getValue(key(name), Boolean.class);
  }

  /** An {@code int} with no range of its own (a rule of the caller's checks it). */
  public int integer(String name) {
    return config.getValue(key(name), Integer.class);
  }

  /** An {@code int} of at least {@code min}. */
  public int integer(String name, int min) {
    return (int) checked(name, integer(name), min, Long.MAX_VALUE);
  }

  /** An {@code int} from {@code min} to {@code max}, bounds included. */
  public int integer(String name, int min, int max) {
    return (int) checked(name, integer(name), min, max);
  }

  /** A {@code long} with no range of its own (a rule of the caller's checks it). */
  public long number(String name) {
    return config.getValue(key(name), Long.class);
  }

  /** A {@code long} of at least {@code min}. */
  public long number(String name, long min) {
    return checked(name, number(name), min, Long.MAX_VALUE);
  }

  /** Milliseconds, at least {@code min}, as a duration. */
  public Duration millis(String name, long min) {
    return Duration.ofMillis(number(name, min));
  }

  /**
   * An optional text (empty when absent) made a value by {@code parser}, whose {@link
   * IllegalArgumentException} fails as an {@link InvalidConfigurationException} naming the key:
   * {@code rule} followed by the parser's message.
   */
  public <T> T parsed(String name, String rule, Function<String, T> parser) {
    String text = optional(name).orElse("");
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(key(name), text, rule + e.getMessage());
    }
  }

  /**
   * The token in the file the key names, empty without one; {@code whose} says whose token it must
   * hold.
   */
  public Optional<String> tokenFile(String name, String whose) {
    Optional<String> file = optional(name);
    file.ifPresent(
        path ->
            InvalidConfigurationException.require(
                Files.isReadable(Path.of(path)),
                key(name),
                path,
                "must be a readable file holding " + whose));
    return file.map(path -> BearerAuthorization.readToken(Path.of(path)));
  }

  /**
   * Allowed instance addresses ({@link AllowedAddresses}'s syntax), never empty: a server that may
   * reach no address at all is a typo, not a choice (MicroProfile Config reads an empty value as
   * absent). {@code withCaller}: whether {@code caller} means something here (the registering
   * request's address, at the registry); where it does not, naming it is refused.
   */
  public AllowedAddresses allowedAddresses(String name, boolean withCaller) {
    AllowedAddresses allowed =
        parsed(
            name,
            withCaller
                ? "must be CIDR ranges, host names, *.zone, loopback, private, link-local or"
                    + " caller: "
                : "must be CIDR ranges, host names, *.zone, loopback, private or link-local: ",
            AllowedAddresses::parse);
    InvalidConfigurationException.require(
        !allowed.isEmpty(),
        key(name),
        "",
        withCaller
            ? "must name at least one entry, e.g. loopback,private,caller"
            : "must name at least one entry, e.g. loopback,private");
    InvalidConfigurationException.require(
        withCaller || !allowed.allowsCaller(),
        key(name),
        allowed,
        "must not name caller: the gateway has no registering caller");
    return allowed;
  }

  /** The PEM RSA public key in the file the key names, empty without one. */
  public Optional<RSAPublicKey> publicKeyFile(String name) {
    Optional<String> file = optional(name);
    try {
      return file.isEmpty() ? Optional.empty() : Optional.of(Pem.publicKey(Path.of(file.get())));
    } catch (Exception e) {
      throw new InvalidConfigurationException(
          key(name), file.get(), "must be a readable PEM RSA public key (" + e + ")");
    }
  }

  private long checked(String name, long value, long min, long max) {
    String rule;
    if (max != Long.MAX_VALUE) {
      rule = "must be between " + min + " and " + max;
    } else {
      rule =
          min == 0
              ? "must not be negative"
              : min == 1 ? "must be positive" : "must be at least " + min;
    }
    InvalidConfigurationException.require(value >= min && value <= max, key(name), value, rule);
    return value;
  }
}
