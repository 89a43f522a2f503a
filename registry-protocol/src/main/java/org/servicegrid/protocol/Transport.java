package org.servicegrid.protocol;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * How the servers call each other: plain HTTP, or HTTPS only when {@code servicegrid.tls} is {@code
 * true}. Instance addresses stay {@code host:port} on the wire (the protocol has no scheme); the
 * scheme of every call to an instance comes from this switch, which is the same for every server of
 * a system.
 *
 * <p>With TLS every outbound client uses one socket factory: the JVM's default, which Liberty's
 * {@code transportSecurity-1.0} makes a factory of its default SSL configuration (the truststore of
 * {@code servicegrid.tls.dir}); the MP Rest Clients get that configuration from Liberty itself.
 * Host names are always verified against the certificate ({@link #upgrade}, and {@code
 * HttpsURLConnection} by default).
 */
public final class Transport {

  /**
   * The MicroProfile Config key of the switch, also the server.xml variable ({@code
   * SERVICEGRID_TLS}).
   */
  public static final String KEY = "servicegrid.tls";

  private static final Transport HTTP = new Transport(null);

  private final SSLSocketFactory socketFactory;

  private Transport(SSLSocketFactory socketFactory) {
    this.socketFactory = socketFactory;
  }

  /** Plain HTTP. */
  public static Transport http() {
    return HTTP;
  }

  /** HTTPS with sockets from {@code socketFactory}. */
  public static Transport https(SSLSocketFactory socketFactory) {
    return new Transport(socketFactory);
  }

  /**
   * HTTPS with the JVM's default socket factory: Liberty's SSL configuration under {@code
   * transportSecurity-1.0}.
   */
  public static Transport httpsWithJvmDefault() {
    return https((SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  public boolean secure() {
    return socketFactory != null;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return secure() ? "https" : "http";
  }

  /**
   * The base URL of the instance at {@code addr} ({@code host:port}), e.g. {@code
   * https://127.0.0.1:20002}.
   */
  public String baseUrl(String addr) {
    return scheme() + "://" + addr;
  }

  /** The factory of TLS sockets; only for a secure transport. */
  public SSLSocketFactory socketFactory() {
    if (!secure()) {
      throw new IllegalStateException("plain HTTP has no TLS socket factory");
    }
    return socketFactory;
  }

  /**
   * Layers TLS over a connected socket and completes the handshake, verifying that the certificate
   * names {@code host} (endpoint identification {@code HTTPS}, as browsers do): for clients that
   * bring their own sockets, such as Apache HttpClient's {@code TlsSocketStrategy}.
   *
   * @throws IOException when the handshake fails: an untrusted certificate, another host's, or no
   *     TLS at all
   */
  public SSLSocket upgrade(Socket socket, String host, int port) throws IOException {
    SSLSocket tls = (SSLSocket) socketFactory().createSocket(socket, host, port, true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }

  @Override
  public String toString() {
    return scheme();
  }
}
