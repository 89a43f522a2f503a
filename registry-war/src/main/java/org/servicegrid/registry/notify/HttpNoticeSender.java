package org.servicegrid.registry.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import org.servicegrid.registry.table.Change;
import org.servicegrid.registry.table.InstancesJson;

/**
 * Tells a dependent of a change: {@code POST} (added) or {@code DELETE} (removed) {@code http://{Addr}/services}
 * with the instance's ServiceInfo as JSON, answered 2xx within the configured connect and read timeouts.
 *
 * <p>A fan-out sends one notice per dependent, so this is the registry's hottest outbound path after the
 * heart-beats, and it uses the same JDK client as {@code HeartBeatProbe}: its keep-alive cache keeps the
 * connection to each dependent for the next notice, and it costs a fraction of the CPU an MP Rest Client call
 * did (proxy, invocation and provider layers, JSON-B per body, one connection pool lock for every dependent).
 * The body is not streamed, so that a notice sent on a kept-alive connection the dependent has meanwhile
 * closed is sent again once on a new connection, by the client.
 */
final class HttpNoticeSender implements NoticeSender {

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;

  HttpNoticeSender(long connectTimeoutMillis, long readTimeoutMillis) {
    this.connectTimeoutMillis = Math.toIntExact(connectTimeoutMillis);
    this.readTimeoutMillis = Math.toIntExact(readTimeoutMillis);
  }

  @Override
  public void send(String dependent, Change change) throws IOException {
    byte[] body = InstancesJson.one(change.instance());
    HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + dependent + "/services").toURL()
        .openConnection(Proxy.NO_PROXY);
    connection.setConnectTimeout(connectTimeoutMillis);
    connection.setReadTimeout(readTimeoutMillis);
    connection.setUseCaches(false);
    connection.setRequestMethod(change.kind().isAddition() ? "POST" : "DELETE");
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setDoOutput(true);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    int status = connection.getResponseCode();
    // Reading the answer to its end hands the connection back to the keep-alive cache for the next notice.
    try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (answer != null) {
        answer.readAllBytes();
      }
    }
    if (status / 100 != 2) {
      throw new NoticeRejectedException(dependent, status);
    }
  }
}
