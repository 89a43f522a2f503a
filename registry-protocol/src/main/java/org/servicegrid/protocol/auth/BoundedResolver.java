package org.servicegrid.protocol.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves host names with the JDK's resolver (its cache included) while the caller waits at most
 * {@code timeout}: the JDK has no timeout of its own, and the system's resolver may take several
 * seconds per name server. A lookup that takes longer goes on in one of this resolver's few threads
 * until the system gives up; when all of them and the queue are taken, a further name fails at once
 * rather than waiting. IP literals never reach DNS.
 */
public final class BoundedResolver implements AutoCloseable {

  private static final int QUEUED = 64;

  private final Duration timeout;
  private final ThreadPoolExecutor lookups;

  /**
   * @param threads lookups in progress at once, at most
   * @param threadFactory where the lookup threads come from (a container's managed factory)
   */
  public BoundedResolver(Duration timeout, int threads, ThreadFactory threadFactory) {
    this.timeout = timeout;
    this.lookups =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED),
            threadFactory,
            new ThreadPoolExecutor.AbortPolicy());
    lookups.allowCoreThreadTimeOut(true); // no idle threads between registrations
  }

  /**
   * The addresses of {@code host} (a name, or an IP literal, in brackets or not).
   *
   * @throws UnknownHostException when the name does not resolve, not within the timeout, or too
   *     many lookups are in progress; the message says which
   */
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    InetAddress literal = AddressRanges.literalAddress(host);
    if (literal != null) {
      return List.of(literal);
    }
    Future<InetAddress[]> lookup;
    try {
      lookup = lookups.submit(() -> InetAddress.getAllByName(host));
    } catch (RejectedExecutionException e) {
      throw new UnknownHostException(host + " was not resolved: too many lookups in progress");
    }
    try {
      return List.of(lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      lookup.cancel(true); // the JDK's lookup does not stop; this only frees the queue
      throw new UnknownHostException(
          host + " did not resolve within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw new UnknownHostException(host + " does not resolve");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnknownHostException(host + " was not resolved: interrupted");
    }
  }

  @Override
  public void close() {
    lookups.shutdownNow();
  }
}
