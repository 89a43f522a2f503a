// Generates the system's signing key pair and its bearer tokens (MicroProfile JWT, RS256) with the JDK alone.
// Run by scripts/ensure-credentials.sh through Java's source launcher:
//   java scripts/Credentials.java <dir> [--rotate] <service name>...
// Writes into <dir>, keeping what exists (unless --rotate): private-key.pem (PKCS#8, owner-only), public-key.pem
// (what mp.jwt.verify.publickey.location / registry.client.auth.public-key-file name), registry.jwt (subject "registry",
// group "registry": the registry's notices), admin.jwt (group "registry-admin": may act for any service) and
// <name>.jwt for each service (subject = the service name: may register and deregister that name only).
// Tokens are valid for a year. Keep private-key.pem only where tokens are issued.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

public class Credentials {

  static final String ISSUER = System.getProperty("issuer", "servicegrid");
  static final Duration VALIDITY = Duration.ofDays(Long.getLong("validity.days", 365));

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java Credentials.java <dir> [--rotate] <service name>...");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    List<String> names = new ArrayList<>(List.of(args).subList(1, args.length));
    boolean rotate = names.remove("--rotate");
    Files.createDirectories(dir);
    Path privateFile = dir.resolve("private-key.pem");
    Path publicFile = dir.resolve("public-key.pem");
    if (rotate || !Files.exists(privateFile) || !Files.exists(publicFile)) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
      write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
      rotate = true; // tokens of an earlier key no longer verify
      System.out.println("New key pair in " + dir);
    }
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privateFile)));
    token(dir, "registry", "registry", "registry", key, rotate);
    token(dir, "admin", "admin", "registry-admin", key, rotate);
    for (String name : names) {
      if (!name.matches("[A-Za-z0-9._-]+") || name.equals("registry") || name.equals("admin")) {
        throw new IllegalArgumentException("not a usable service name: " + name);
      }
      token(dir, name, name, "service", key, rotate);
    }
  }

  static void token(Path dir, String file, String subject, String group, PrivateKey key, boolean replace)
      throws Exception {
    Path path = dir.resolve(file + ".jwt");
    if (!replace && Files.exists(path)) {
      return;
    }
    Instant now = Instant.now();
    String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String claims = base64(String.format(
        "{\"iss\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}",
        ISSUER, subject, subject, group, now.getEpochSecond(), now.plus(VALIDITY).getEpochSecond(),
        UUID.randomUUID()));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    write(path, header + "." + claims + "." + signature + "\n", true);
    System.out.println("Token for " + subject + " in " + path);
  }

  static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  static byte[] der(Path pem) throws Exception {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
  }

  static void write(Path path, String text, boolean ownerOnly) throws Exception {
    Path temporary = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp");
    Files.writeString(temporary, text, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
    Files.move(temporary, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
