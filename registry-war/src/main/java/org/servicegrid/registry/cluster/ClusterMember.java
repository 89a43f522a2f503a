package org.servicegrid.registry.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's embedded Hazelcast member, started before the service table (which depends on it) and
 * shut down after it, gracefully: its partitions move to the other members first. Hazelcast runs on
 * threads of its own, outside the container; the table takes care never to run application code on
 * them. Bean-managed concurrency: the member is set once at start and Hazelcast is thread-safe.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterMember {

  private static final Logger LOG = Logger.getLogger(ClusterMember.class.getName());

  @Inject private ClusterSettings settings;

  private HazelcastInstance hazelcast;
  private SharedRegistrations registrations;

  @PostConstruct
  void start() {
    hazelcast =
        Hazelcast.newHazelcastInstance(
            settings.hazelcastConfig(ClusterMember.class.getClassLoader()));
    registrations = new SharedRegistrations(hazelcast, ClusterSettings.MAP);
    LOG.log(
        Level.INFO,
        "Registry cluster {0}: member {1} at {2}, {3}",
        new Object[] {
          settings.name(),
          registrations.localMemberId(),
          hazelcast.getCluster().getLocalMember().getAddress(),
          settings.isSingleNode() ? "single node (joins nobody)" : "members " + settings.members()
        });
  }

  @PreDestroy
  void stop() {
    if (hazelcast != null) {
      hazelcast.shutdown();
    }
  }

  public SharedRegistrations registrations() {
    return registrations;
  }
}
