package org.servicegrid.system;

import java.util.Arrays;
import java.util.List;
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
      InParallel.forEach(servers, Server::start);
      return new Running(servers);
    }

    /** The services first, so that they deregister while the registry still answers. */
    @Override
    public void close() {
      InParallel.forEach(
          servers.stream().filter(server -> server != Server.REGISTRY).toList(),
          Server::stopIfRunning);
      Server.REGISTRY.stopIfRunning();
    }
  }
}
