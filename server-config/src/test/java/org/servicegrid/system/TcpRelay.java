package org.servicegrid.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 to another local port, which a test can cut: every relayed connection is
 * closed at once and new ones are closed as they arrive, as a database that went away would look to
 * its clients, until {@link #restore()}. Its threads are daemons; {@link #close()} ends them.
 */
final class TcpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private TcpRelay(int target) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    daemon(this::accept);
  }

  static TcpRelay to(int target) {
    try {
      return new TcpRelay(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Closes every relayed connection and every new one from now on. */
  void cut() {
    cut = true;
    open.forEach(TcpRelay::closeQuietly);
  }

  void restore() {
    cut = false;
  }

  @Override
  public void close() {
    closeQuietly(listener);
    cut();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        daemon(() -> pump(client, server));
        daemon(() -> pump(server, client));
      } catch (IOException e) {
        // closed listener, or a target that refused: the client sees its connection closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side or a cut closed it
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "tcp-relay");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
