package org.servicegrid.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.servicegrid.protocol.config.InvalidConfigurationException;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * Creates a configuration bean and gives it the MicroProfile Config it would have: every {@code
 * META-INF/microprofile-config.properties} on the class path (the higher {@code config_ordinal}
 * wins) plus the test's overrides, a blank value counting as absent. A unit test thereby checks the
 * defaults the module really ships, and one changed value, without a server. The bean's {@code
 * validate()} is the test's to call, or {@link #assertRejected}'s.
 */
public final class ConfigFixture {

  private ConfigFixture() {}

  /**
   * The bean with the shipped defaults, overridden by {@code overrides} (key, value, key, value,
   * ...; a null value removes the key). Its {@code validate()} reads them, failing as the
   * deployment would.
   */
  public static <T extends ValidatedConfig> T load(Class<T> type, String... overrides) {
    Map<String, String> values = shippedDefaults();
    for (int i = 0; i < overrides.length; i += 2) {
      values.put(overrides[i], overrides[i + 1]);
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      T bean = constructor.newInstance();
      Field config = ValidatedConfig.class.getDeclaredField("config");
      config.setAccessible(true);
      config.set(bean, new FixtureConfig(values));
      return bean;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot fill " + type.getName(), e);
    }
  }

  /**
   * The bean as {@link #load} gives it, validated, and so read: for a test of the code that uses
   * it.
   */
  public static <T extends ValidatedConfig> T validated(Class<T> type, String... overrides) {
    T bean = load(type, overrides);
    bean.validate();
    return bean;
  }

  /**
   * The record of {@code type} that {@code bean}, {@link #validated} with the overrides, produces
   * for injection.
   */
  public static <T> T produced(
      Class<T> type, Class<? extends ValidatedConfig> bean, String... overrides) {
    ValidatedConfig config = validated(bean, overrides);
    try {
      for (Field field : bean.getDeclaredFields()) {
        if (field.isAnnotationPresent(Produces.class) && field.getType() == type) {
          field.setAccessible(true);
          return type.cast(field.get(config));
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalArgumentException(bean.getName() + " produces no " + type.getName());
  }

  /**
   * Asserts that the bean with the shipped defaults but {@code key} set to {@code value} fails its
   * validation with a message naming the key and the value, as the deployment would.
   */
  public static void assertRejected(
      Class<? extends ValidatedConfig> type, String key, String value) {
    ValidatedConfig config = load(type, key, value);

    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(key + " is '" + value + "'");
  }

  /**
   * The values as MicroProfile Config answers them: a blank one is absent, numbers and booleans
   * converted.
   */
  private record FixtureConfig(Map<String, String> values) implements Config {

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type)
          .orElseThrow(
              () ->
                  new NoSuchElementException(
                      "The config property " + name + " is required but it could not be found"));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      String value = values.get(name);
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      Object converted =
          type == Integer.class
              ? Integer.valueOf(value.trim())
              : type == Long.class
                  ? Long.valueOf(value.trim())
                  : type == Boolean.class
                      ? Set.of("true", "1", "yes", "y", "on")
                          .contains(value.trim().toLowerCase(Locale.ROOT))
                      : value;
      return Optional.of(type.cast(converted));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }

  private static Map<String, String> shippedDefaults() {
    List<Properties> files = new ArrayList<>();
    try {
      for (URL url :
          Collections.list(
              ConfigFixture.class
                  .getClassLoader()
                  .getResources("META-INF/microprofile-config.properties"))) {
        Properties file = new Properties();
        try (InputStream in = url.openStream()) {
          file.load(in);
        }
        files.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(Comparator.comparingInt(ConfigFixture::ordinal));
    Map<String, String> values = new HashMap<>();
    files.forEach(
        file -> file.stringPropertyNames().forEach(key -> values.put(key, file.getProperty(key))));
    values.remove("config_ordinal");
    return values;
  }

  private static int ordinal(Properties file) {
    return Integer.parseInt(file.getProperty("config_ordinal", "100").trim());
  }
}
