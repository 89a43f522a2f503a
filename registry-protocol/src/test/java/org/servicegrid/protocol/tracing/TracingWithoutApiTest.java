package org.servicegrid.protocol.tracing;

import static java.lang.invoke.MethodType.methodType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Tracing} in an application that does not see the OpenTelemetry API (a Liberty server
 * without {@code apiTypeVisibility="+third-party"}): loaded from this module's classes by a loader
 * that refuses every {@code io.opentelemetry} class, it loads, answers off, and never asks for one.
 */
class TracingWithoutApiTest {

  @Test
  void isOffWithoutTheApiAndNeverLoadsIt() throws Throwable {
    try (HidingLoader loader = new HidingLoader()) {
      Class<?> tracing = Class.forName(Tracing.class.getName(), true, loader);
      assertThat(tracing.getClassLoader()).isSameAs(loader);
      Lookup lookup = MethodHandles.publicLookup();

      Object of = lookup.findStatic(tracing, "of", methodType(tracing, String.class)).invoke("log");
      Object off = lookup.findStatic(tracing, "off", methodType(tracing)).invoke();
      assertThat(of).isSameAs(off);
      assertThat(lookup.findVirtual(tracing, "enabled", methodType(boolean.class)).invoke(of))
          .isEqualTo(false);
      Class<?> scope = Class.forName(TraceScope.class.getName(), false, loader);
      AutoCloseable unrecorded =
          (AutoCloseable) lookup.findStatic(tracing, "unrecorded", methodType(scope)).invoke();
      unrecorded.close();

      assertThat(loader.refused).as("OpenTelemetry classes asked for").isNotEmpty();
      assertThat(loader.isLoaded(OpenTelemetryTracing.class.getName()))
          .as("the implementation loaded")
          .isFalse();
      // What a container does with a class it injects or produces.
      assertThat(tracing.getDeclaredFields()).isNotEmpty();
      Method spans = tracing.getMethod("spans");
      assertThatThrownBy(() -> invoke(spans, of))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("tracing is off");
    }
  }

  @Test
  void theHidingLoaderDoesHideTheApi() throws Exception {
    try (HidingLoader loader = new HidingLoader()) {
      Class<?> implementation = Class.forName(OpenTelemetryTracing.class.getName(), false, loader);
      assertThatThrownBy(implementation::getDeclaredMethods)
          .isInstanceOf(NoClassDefFoundError.class);
      assertThat(loader.refused).isNotEmpty();
    }
  }

  private static Object invoke(Method method, Object target) throws Throwable {
    try {
      return method.invoke(target);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * This module's classes, child-first over the platform's, with every {@code io.opentelemetry}
   * class refused: what an application sees on a stock Liberty server.
   */
  private static final class HidingLoader extends URLClassLoader {

    final Set<String> refused = ConcurrentHashMap.newKeySet();

    HidingLoader() {
      super(
          new URL[] {Tracing.class.getProtectionDomain().getCodeSource().getLocation()},
          ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.opentelemetry.")) {
        refused.add(name);
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    boolean isLoaded(String name) {
      return findLoadedClass(name) != null;
    }
  }
}
