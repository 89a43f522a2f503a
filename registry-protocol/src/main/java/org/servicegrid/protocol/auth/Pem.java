package org.servicegrid.protocol.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA keys from PEM files: {@code PUBLIC KEY} (X.509, as for {@code mp.jwt.verify.publickey})
 * and PKCS#8.
 */
public final class Pem {

  private Pem() {}

  public static RSAPublicKey publicKey(Path file) throws IOException, GeneralSecurityException {
    byte[] der = der(Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC KEY");
    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }

  public static RSAPrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    byte[] der = der(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY");
    return (RSAPrivateKey)
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static byte[] der(String pem, String type) throws GeneralSecurityException {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new GeneralSecurityException("not a PEM " + type);
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }
}
