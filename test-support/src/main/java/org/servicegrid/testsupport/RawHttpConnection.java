package org.servicegrid.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written HTTP/1.1 exchange over a plain socket, for requests the JDK client will not send:
 * hop-by-hop headers such as {@code Connection}, a chunked body sent in parts, a client that leaves
 * mid-response. Reads time out after {@link Http#TIMEOUT}; failures are unchecked, like {@link
 * Http}'s.
 */
public final class RawHttpConnection implements AutoCloseable {

  private final Socket socket;

  private RawHttpConnection(Socket socket) {
    this.socket = socket;
  }

  /** Connects to {@code addr} ({@code host:port}). */
  public static RawHttpConnection open(String addr) {
    int colon = addr.lastIndexOf(':');
    try {
      Socket socket =
          new Socket(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1)));
      socket.setSoTimeout((int) Http.TIMEOUT.toMillis());
      return new RawHttpConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("connecting to " + addr + " failed", e);
    }
  }

  /**
   * Connects to {@code addr} ({@code host:port}) from the local address {@code from}, e.g. another
   * loopback address than 127.0.0.1: a client the server tells apart by its address.
   */
  public static RawHttpConnection openFrom(InetAddress from, String addr) {
    int colon = addr.lastIndexOf(':');
    try {
      Socket socket =
          new Socket(
              InetAddress.getByName(addr.substring(0, colon)),
              Integer.parseInt(addr.substring(colon + 1)),
              from,
              0);
      socket.setSoTimeout((int) Http.TIMEOUT.toMillis());
      return new RawHttpConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("connecting to " + addr + " from " + from + " failed", e);
    }
  }

  /** Sends {@code text} (request line, headers, body or a part of it) as US-ASCII, at once. */
  public void send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "sending to " + socket.getRemoteSocketAddress() + " failed", e);
    }
  }

  /** The first line of the response, e.g. {@code HTTP/1.1 200 OK}; what follows it is not read. */
  public String statusLine() {
    try {
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading from " + socket.getRemoteSocketAddress() + " failed", e);
    }
  }

  /**
   * Up to {@code count} bytes of the response, fewer only if the server closed the connection
   * first.
   */
  public byte[] read(int count) {
    try {
      return socket.getInputStream().readNBytes(count);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading from " + socket.getRemoteSocketAddress() + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
