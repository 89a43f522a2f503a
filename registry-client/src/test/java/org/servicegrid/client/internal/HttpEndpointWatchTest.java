package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ContextService;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watch on the HTTP endpoint's MBean, with the platform MBean server and an MBean standing in
 * for Liberty's under its name: the closing and reopening it reports, whether the endpoint was up
 * when the watch began or appeared after it (Liberty may start the application first).
 */
class HttpEndpointWatchTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ObjectName endpoint = name();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final HttpEndpointWatch watch = new HttpEndpointWatch();

  @AfterEach
  void tearDown() throws Exception {
    watch.unwatch();
    if (server.isRegistered(endpoint)) {
      server.unregisterMBean(endpoint);
    }
  }

  @Test
  void anEndpointUpWhenTheWatchBeganReportsItsClosingAndReopening() throws Exception {
    open();
    startWatching();

    close();
    open();

    assertThat(seen).containsExactly("closing", "reopened");
  }

  @Test
  void anEndpointThatOpensAfterTheWatchBeganIsWatchedFromThen() throws Exception {
    startWatching();

    open(); // the listener opening, after the application started: nothing to do
    assertThat(seen).isEmpty();
    close();
    open();

    assertThat(seen).containsExactly("closing", "reopened");
  }

  @Test
  void reportsNothingOnceUnwatched() throws Exception {
    open();
    startWatching();
    watch.unwatch();

    close();

    assertThat(seen).isEmpty();
  }

  private void startWatching() {
    watch.contextService = withoutContext();
    watch.watch(() -> seen.add("closing"), () -> seen.add("reopened"));
  }

  private void open() throws Exception {
    server.registerMBean(new Endpoint(), endpoint);
  }

  private void close() throws Exception {
    server.unregisterMBean(endpoint);
  }

  private static ObjectName name() {
    try {
      return new ObjectName(ServerEndpoint.MBEAN);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A ContextService that runs the actions as they are: there is no container context here. */
  private static ContextService withoutContext() {
    return (ContextService)
        Proxy.newProxyInstance(
            ContextService.class.getClassLoader(),
            new Class<?>[] {ContextService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("contextualRunnable")) {
                return args[0];
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** An MBean with no attribute, registered under the endpoint's name. */
  private static final class Endpoint implements DynamicMBean {
    @Override
    public Object getAttribute(String attribute) {
      return null;
    }

    @Override
    public void setAttribute(Attribute attribute) {}

    @Override
    public AttributeList getAttributes(String[] attributes) {
      return new AttributeList();
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
      return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
      return null;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
      return new MBeanInfo(Endpoint.class.getName(), "endpoint", null, null, null, null);
    }
  }
}
