package org.servicegrid.client.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.relation.MBeanServerNotificationFilter;

/**
 * Tells when the server's HTTP listener closes, so that this instance deregisters at the start of a
 * server stop. Liberty unregisters the endpoint's MBean ({@link ServerEndpoint#MBEAN}) as it stops
 * listening, at the start of the quiesce period; the application itself is stopped only after the
 * requests in flight have ended (up to 30 s), and until then the registry would keep sending
 * callers to a closed port. The notification comes on a server thread without the application's
 * context, so the actions run with the context captured when the watch began. When the endpoint
 * comes back (a configuration update restarts it) the instance registers again.
 *
 * <p>Liberty may start the application before it opens the listener (the endpoint's MBean then
 * appears after the watch began): the watch is set either way, and an endpoint that appears without
 * having closed before is simply the listener opening. Outside Liberty the MBean never appears and
 * the application's stop deregisters ({@link RegistrationLifecycle}).
 */
@ApplicationScoped
class HttpEndpointWatch {

  private static final Logger LOG = Logger.getLogger(HttpEndpointWatch.class.getName());

  @Resource(lookup = "java:comp/DefaultContextService")
  ContextService contextService;

  private volatile NotificationListener listener;

  /**
   * Runs {@code closing} when the listener closes and {@code reopened} when the endpoint is back.
   */
  void watch(Runnable closing, Runnable reopened) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName endpoint = new ObjectName(ServerEndpoint.MBEAN);
      AtomicBoolean closed = new AtomicBoolean();
      Runnable onClose = contextService.contextualRunnable(closing);
      Runnable onReopen = contextService.contextualRunnable(reopened);
      MBeanServerNotificationFilter filter = new MBeanServerNotificationFilter();
      filter.disableAllObjectNames();
      filter.enableObjectName(endpoint);
      NotificationListener watcher =
          (notification, handback) -> {
            if (MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(
                notification.getType())) {
              closed.set(true);
              onClose.run();
            } else if (MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(
                    notification.getType())
                && closed.getAndSet(false)) {
              onReopen.run();
            }
          };
      server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, watcher, filter, null);
      listener = watcher;
    } catch (JMException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cannot watch the HTTP endpoint ({0}); this instance deregisters when the application"
              + " stops, after the listener has closed",
          e.toString());
    }
  }

  void unwatch() {
    NotificationListener watcher = listener;
    listener = null;
    if (watcher != null) {
      try {
        ManagementFactory.getPlatformMBeanServer()
            .removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, watcher);
      } catch (JMException e) {
        LOG.log(Level.FINE, "Removing the endpoint watch failed: {0}", e.toString());
      }
    }
  }
}
