package org.servicegrid.registry.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's files ({@code src/main/resources/dashboard/}), read through the class loader. Not
 * through the {@code ServletContext}: the servers enable {@code restfulWS} without the {@code
 * servlet} feature, so the Servlet API is not visible to the application. A name must be a plain
 * file name ending in {@code .css} or {@code .js} before anything is read, so no request can reach
 * another resource (no {@code /}, no {@code ..}). Files found are kept: a deployed WAR does not
 * change, and only names that exist are cached, so the cache is bounded by the folder.
 */
@ApplicationScoped
public class DashboardAssets {

  /** The page served at {@code GET /}. */
  static final String PAGE = "index.html";

  private static final Logger LOG = Logger.getLogger(DashboardAssets.class.getName());
  private static final String FOLDER = "dashboard/";
  private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(css|js)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html;charset=UTF-8",
          "css", "text/css;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8");

  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  /** The dashboard page; it is part of the WAR, so its absence is a packaging bug. */
  Asset page() {
    return read(PAGE, TYPES.get("html"))
        .orElseThrow(() -> new IllegalStateException(FOLDER + PAGE + " is missing from the WAR"));
  }

  /** The stylesheet or script called {@code name}, or empty when there is no such asset. */
  Optional<Asset> asset(String name) {
    Matcher matcher = ASSET_NAME.matcher(name);
    if (!matcher.matches()) {
      LOG.log(Level.FINE, "Refused dashboard asset name {0}", name);
      return Optional.empty();
    }
    return read(name, TYPES.get(matcher.group(1)));
  }

  private Optional<Asset> read(String name, String mediaType) {
    Asset cached = cache.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (InputStream in =
        DashboardAssets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return Optional.empty();
      }
      Asset asset = Asset.of(in.readAllBytes(), mediaType);
      Asset raced =
          cache.putIfAbsent(name, asset); // two first requests may both read: same bytes either way
      return Optional.of(raced != null ? raced : asset);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read dashboard asset " + name, e);
    }
  }
}
