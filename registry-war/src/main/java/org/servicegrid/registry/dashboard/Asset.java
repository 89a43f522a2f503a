package org.servicegrid.registry.dashboard;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of the dashboard with its media type and a content hash as entity tag. Answers are
 * {@code no-cache} with that tag: a browser revalidates on every load (and gets 304 while the WAR
 * is unchanged), so a redeployed dashboard is never mixed with a cached older script.
 */
record Asset(byte[] body, String mediaType, EntityTag tag) {

  /**
   * Everything the page may load comes from the registry itself: no CDN, no inline script or style,
   * no framing. The browser then refuses injected markup's scripts even if escaping were ever
   * missed.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  static Asset of(byte[] body, String mediaType) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return new Asset(body, mediaType, new EntityTag(HexFormat.of().formatHex(digest, 0, 16)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** 304 when the browser already holds this version, the file otherwise. */
  Response toResponse(Request request) {
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    Response.ResponseBuilder builder = unchanged != null ? unchanged : Response.ok(body, mediaType);
    return builder
        .tag(tag)
        .header("Cache-Control", "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
