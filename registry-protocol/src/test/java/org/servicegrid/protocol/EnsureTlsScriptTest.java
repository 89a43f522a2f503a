package org.servicegrid.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/ensure-tls.sh} and the names its certificate holds: the registry nodes' addresses
 * that {@code ./run.sh} asks for (SERVICEGRID_TLS_SAN) are in a new certificate, and an existing
 * key that lacks one is refused, not kept silently (its callers would reject it) nor overwritten.
 */
class EnsureTlsScriptTest {

  @TempDir Path dir;

  @Test
  void aNewCertificateNamesTheRequestedAddresses() throws Exception {
    assertThat(run("ip:127.0.1.1,ip:127.0.1.2").exit()).isZero();

    assertThat(ipAddresses()).containsExactlyInAnyOrder("127.0.0.1", "127.0.1.1", "127.0.1.2");
    assertThat(run("ip:127.0.1.2").exit()).as("names already there").isZero();
  }

  @Test
  void anExistingCertificateLackingAnAddressIsRefusedAndKept() throws Exception {
    assertThat(run("").exit()).isZero();
    byte[] key = Files.readAllBytes(dir.resolve("key.p12"));

    Result refused = run("ip:127.0.1.1,ip:127.0.1.3");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.output())
        .contains("does not name ip:127.0.1.1,ip:127.0.1.3", "delete key.p12");
    assertThat(Files.readAllBytes(dir.resolve("key.p12"))).isEqualTo(key);
  }

  private record Result(int exit, String output) {}

  private Result run(String san) throws Exception {
    ProcessBuilder script =
        new ProcessBuilder("bash", Path.of("..", "scripts", "ensure-tls.sh").toString())
            .redirectErrorStream(true);
    script.environment().putAll(Map.of("SERVICEGRID_TLS_DIR", dir.toString()));
    script.environment().put("SERVICEGRID_TLS_SAN", san);
    Process process = script.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ensure-tls.sh finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  /** The IP addresses among the subject alternative names of key.p12's certificate. */
  private List<String> ipAddresses() throws Exception {
    String xml = Files.readString(dir.resolve("password.xml"));
    char[] password =
        xml.replaceAll("(?s).*name=\"servicegrid.tls.password\" value=\"([^\"]*)\".*", "$1")
            .toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("key.p12"))) {
      store.load(in, password);
    }
    X509Certificate certificate = (X509Certificate) store.getCertificate("default");
    return certificate.getSubjectAlternativeNames().stream()
        .filter(name -> (Integer) name.get(0) == 7) // iPAddress
        .map(name -> (String) name.get(1))
        .toList();
  }
}
