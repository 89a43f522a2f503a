package org.servicegrid.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A module's classes as an application sees them on a Liberty server that does not show it the
 * OpenTelemetry API (no {@code apiTypeVisibility="+third-party"}): loaded from the test's class
 * path by a loader that refuses every {@code io.opentelemetry} class. {@link #failures} initializes
 * each class (which verifies its code) and lists the members of each class a container manages, as
 * CDI and the web container do; what fails for want of the API fails there on such a server.
 */
public final class WithoutOpenTelemetry extends URLClassLoader {

  private static final String API = "io.opentelemetry.";
  private static final Pattern NAMES_THE_API = Pattern.compile("io[./]opentelemetry[./]");

  /** Annotations' packages that make a class container-managed (a bean, filter, resource...). */
  private static final List<String> MANAGED =
      List.of(
          "jakarta.enterprise.context.",
          "jakarta.inject.",
          "jakarta.ejb.",
          "jakarta.servlet.annotation.",
          "jakarta.ws.rs.");

  private WithoutOpenTelemetry(URL[] classPath) {
    super(classPath, ClassLoader.getPlatformClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(API)) {
      throw new ClassNotFoundException(name);
    }
    return super.loadClass(name, resolve);
  }

  /**
   * Every class of the module (classes directory or jar) that holds {@code anyClass} that fails for
   * want of the OpenTelemetry API, with what failed; empty when none does.
   */
  public static Map<String, String> failures(Class<?> anyClass) {
    Path module = location(anyClass);
    Map<String, String> failures = new TreeMap<>();
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    try (WithoutOpenTelemetry loader = new WithoutOpenTelemetry(testClassPath())) {
      thread.setContextClassLoader(loader); // service providers too, as in the application
      for (String name : classNames(module)) {
        try {
          Class<?> type = Class.forName(name, true, loader);
          if (managed(type)) {
            type.getDeclaredFields();
            type.getDeclaredMethods();
            type.getDeclaredConstructors();
          }
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
          if (NAMES_THE_API.matcher(String.valueOf(e)).find()
              || NAMES_THE_API.matcher(String.valueOf(e.getCause())).find()) {
            failures.put(name, e.toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.setContextClassLoader(context);
    }
    return failures;
  }

  private static boolean managed(Class<?> type) {
    for (Annotation annotation : type.getAnnotations()) {
      String name = annotation.annotationType().getName();
      if (MANAGED.stream().anyMatch(name::startsWith)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> classNames(Path module) {
    try (Stream<Path> files = Files.walk(module)) {
      List<String> names = new ArrayList<>();
      files
          .map(module::relativize)
          .map(Path::toString)
          .filter(file -> file.endsWith(".class") && !file.endsWith("module-info.class"))
          .forEach(
              file ->
                  names.add(
                      file.substring(0, file.length() - ".class".length())
                          .replace(File.separatorChar, '.')));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL[] testClassPath() {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      try {
        urls[i] = Path.of(entries[i]).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return urls;
  }
}
