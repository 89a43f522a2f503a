package org.servicegrid.system;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Starts the four product servers ({@link Server}) once for the whole test run, the first time a
 * class marked {@link UsesSharedSystem} runs, and stops them when the run ends. They start side by
 * side: each registers with retries, so none has to wait for the registry to be up first.
 */
public final class SharedSystem implements BeforeAllCallback {

  /** The lock every class on the shared system holds: they change or count what others read. */
  public static final String LOCK = "org.servicegrid.system.shared-system";

  private static final Namespace NAMESPACE = Namespace.create(SharedSystem.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    Server.awaitSystemReady();
  }

  /** The started servers; JUnit closes it once, after the last test of the run. */
  private record Running(List<Server> servers) implements ExtensionContext.Store.CloseableResource {

    static Running start() {
      List<Server> servers = Arrays.asList(Server.values());
      inParallel(servers.stream().map(server -> (Runnable) server::start).toList());
      return new Running(servers);
    }

    /** The services first, so that they deregister while the registry still answers. */
    @Override
    public void close() {
      inParallel(
          servers.stream()
              .filter(server -> server != Server.REGISTRY)
              .map(server -> (Runnable) server::stopIfRunning)
              .toList());
      Server.REGISTRY.stopIfRunning();
    }

    private static void inParallel(List<Runnable> actions) {
      actions.stream().map(CompletableFuture::runAsync).toList().forEach(CompletableFuture::join);
    }
  }
}
