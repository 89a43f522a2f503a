package org.servicegrid.registry.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class DependentClientsTest {

  /** Stands in for one built MP Rest Client: answers nothing, remembers whether it was closed. */
  private static final class BuiltClient implements DependentClient {
    final int index;
    boolean closed;

    BuiltClient(int index) {
      this.index = index;
    }

    @Override
    public Response added(String dependent, ServiceInfo instance) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Response removed(String dependent, ServiceInfo instance) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final List<BuiltClient> built = new ArrayList<>();

  private DependentClients clients(int count) {
    return new DependentClients(
        count,
        i -> {
          BuiltClient client = new BuiltClient(i);
          built.add(client);
          return client;
        });
  }

  @Test
  void everyNoticeToOneDependentGoesThroughTheSameClient() {
    DependentClients clients = clients(8);

    for (int port = 30000; port < 30200; port++) {
      String dependent = "127.0.0.1:" + port;
      assertThat(clients.of(dependent)).isSameAs(clients.of(dependent));
    }
  }

  @Test
  void dependentsOnConsecutivePortsAreSpreadOverEveryClient() {
    DependentClients clients = clients(8);
    Map<Integer, Integer> dependentsPerClient = new HashMap<>();

    for (int port = 30000; port < 30200; port++) {
      dependentsPerClient.merge(
          ((BuiltClient) clients.of("127.0.0.1:" + port)).index, 1, Integer::sum);
    }

    assertThat(built).hasSize(8);
    assertThat(dependentsPerClient).hasSize(8);
    assertThat(dependentsPerClient.values())
        .allSatisfy(count -> assertThat(count).isBetween(15, 35));
  }

  @Test
  void closeClosesEveryClient() {
    DependentClients clients = clients(3);

    clients.close();

    assertThat(built).extracting(client -> client.closed).containsExactly(true, true, true);
  }

  @Test
  void refusesToServeWithoutAClient() {
    assertThatThrownBy(() -> clients(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
