package org.servicegrid.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch and the TLS upgrade, against a JDK HTTPS server whose key and certificate come from
 * {@code scripts/ensure-tls.sh}, as the servers' do: a client trusting that authority connects; one
 * trusting another authority, or naming another host than the certificate's, is refused.
 */
class TransportTest {

  @TempDir static Path dirs;
  private static Path tls;
  private static Path otherTls;
  private static HttpsServer server;

  @BeforeAll
  static void startHttpsServer() throws Exception {
    tls = ensureTls(dirs.resolve("tls"));
    otherTls = ensureTls(dirs.resolve("other"));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(tls)));
    server.createContext(
        "/heart-beat",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stopHttpsServer() {
    server.stop(0);
  }

  @Test
  void plainHttpHasNoSocketFactory() {
    Transport http = Transport.http();
    assertThat(http.secure()).isFalse();
    assertThat(http.baseUrl("127.0.0.1:20002")).isEqualTo("http://127.0.0.1:20002");
    assertThatThrownBy(http::socketFactory).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void httpsWithTheJvmDefaultSocketFactory() {
    Transport https = Transport.httpsWithJvmDefault();
    assertThat(https.secure()).isTrue();
    assertThat(https.baseUrl("127.0.0.1:20002")).isEqualTo("https://127.0.0.1:20002");
    assertThat(https.socketFactory()).hasSameClassAs(SSLSocketFactory.getDefault());
  }

  @Test
  void upgradesToTlsWithAServerTheTruststoreVouchesFor() throws Exception {
    Transport https = Transport.https(clientContext(tls).getSocketFactory());
    try (SSLSocket socket = https.upgrade(connect(), "127.0.0.1", port())) {
      socket
          .getOutputStream()
          .write(
              "GET /heart-beat HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void refusesAServerCertifiedByAnotherAuthority() throws Exception {
    Transport https = Transport.https(clientContext(otherTls).getSocketFactory());
    try (Socket socket = connect()) {
      assertThatThrownBy(() -> https.upgrade(socket, "127.0.0.1", port()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void refusesACertificateThatDoesNotNameTheHost() throws Exception {
    Transport https = Transport.https(clientContext(tls).getSocketFactory());
    try (Socket socket = connect()) {
      assertThatThrownBy(() -> https.upgrade(socket, "servicegrid.example", port()))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("servicegrid.example");
    }
  }

  @Test
  void theJvmDefaultDoesNotTrustTheInstallationsAuthority() throws Exception {
    try (Socket socket = connect()) {
      assertThatThrownBy(() -> Transport.httpsWithJvmDefault().upgrade(socket, "127.0.0.1", port()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  private static int port() {
    return server.getAddress().getPort();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", port());
    socket.setSoTimeout(5000);
    return socket;
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
  }

  /** Runs the project's script into {@code dir}, as {@code ./run.sh} does, and returns it. */
  private static Path ensureTls(Path dir) throws Exception {
    ProcessBuilder script =
        new ProcessBuilder("bash", Path.of("..", "scripts", "ensure-tls.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    script.environment().put("SERVICEGRID_TLS_DIR", dir.toString());
    Process process = script.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ensure-tls.sh finished").isTrue();
    assertThat(process.exitValue()).as("exit code of ensure-tls.sh").isZero();
    return dir;
  }

  private static char[] password(Path dir) throws IOException {
    String xml = Files.readString(dir.resolve("password.xml"));
    return xml.replaceAll("(?s).*name=\"servicegrid.tls.password\" value=\"([^\"]*)\".*", "$1")
        .toCharArray();
  }

  private static SSLContext serverContext(Path dir) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(dir.resolve("key.p12"), password(dir)), password(dir));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static SSLContext clientContext(Path dir) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(dir.resolve("trust.p12"), password(dir)));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static KeyStore load(Path file, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return store;
  }
}
