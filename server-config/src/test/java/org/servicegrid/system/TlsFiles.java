package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The install's TLS directory ({@code usr/shared/resources/servicegrid-tls}) as the system tests
 * use it: made by {@code scripts/ensure-tls.sh} when missing, as {@code ./run.sh} does; a client
 * context trusting its authority only; and further certificates its authority signs, with {@code
 * keytool} as the script does.
 */
final class TlsFiles {

  private TlsFiles() {}

  static Path ensure() throws Exception {
    Path dir = Server.wlpHome().resolve("usr/shared/resources/servicegrid-tls");
    Path script = Path.of("..", "scripts", "ensure-tls.sh").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString());
    builder.environment().put("SERVICEGRID_TLS_DIR", dir.toString());
    run(builder);
    return dir;
  }

  /** A client context that trusts the directory's truststore and nothing else. */
  static SSLContext trustOnly(Path dir) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(dir.resolve("trust.p12"), password(dir)));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /**
   * A server context whose certificate the directory's authority signed for {@code san} only (e.g.
   * {@code dns:elsewhere.example}): trusted by the servers, but not for the host they call it by.
   */
  static SSLContext serverCertifiedFor(Path dir, String san, Path work) throws Exception {
    char[] password = "changeit".toCharArray();
    Path keys = work.resolve("other.p12");
    keytool(
        "-genkeypair",
        "-keystore",
        keys,
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-alias",
        "default",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=other");
    keytool(
        "-certreq",
        "-keystore",
        keys,
        "-storepass",
        "changeit",
        "-alias",
        "default",
        "-file",
        work.resolve("other.csr"));
    keytool(
        "-gencert",
        "-keystore",
        dir.resolve("ca.p12"),
        "-storepass",
        new String(password(dir)),
        "-alias",
        "ca",
        "-infile",
        work.resolve("other.csr"),
        "-outfile",
        work.resolve("other.pem"),
        "-ext",
        "san=" + san);
    keytool(
        "-importcert",
        "-noprompt",
        "-keystore",
        keys,
        "-storepass",
        "changeit",
        "-alias",
        "ca",
        "-file",
        dir.resolve("ca.pem"));
    keytool(
        "-importcert",
        "-noprompt",
        "-keystore",
        keys,
        "-storepass",
        "changeit",
        "-alias",
        "default",
        "-file",
        work.resolve("other.pem"));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(load(keys, password), password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }

  private static char[] password(Path dir) throws Exception {
    String xml = Files.readString(dir.resolve("password.xml"));
    return xml.replaceAll("(?s).*name=\"servicegrid.tls.password\" value=\"([^\"]*)\".*", "$1")
        .toCharArray();
  }

  private static KeyStore load(Path file, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return store;
  }

  private static void keytool(Object... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    for (Object argument : arguments) {
      command.add(argument.toString());
    }
    run(new ProcessBuilder(command));
  }

  private static void run(ProcessBuilder builder) throws Exception {
    Process process =
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS))
        .as("%s finished", builder.command())
        .isTrue();
    assertThat(process.exitValue()).as("exit code of %s", builder.command()).isZero();
  }
}
