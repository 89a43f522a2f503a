package org.servicegrid.protocol.servlet;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the project's {@code {"error": "..."}} body from the servlet layer, where the JAX-RS
 * exception mappers of {@code protocol.rest} do not apply (servlet filters that answer requests
 * themselves). Built with JSON-P, so any message is escaped correctly.
 */
public final class ErrorWriter {

  private static final JsonProvider JSON = JsonProvider.provider();

  private ErrorWriter() {}

  public static String body(String message) {
    return JSON.createObjectBuilder().add("error", message).build().toString();
  }

  public static void write(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] body = body(message).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * 405 with the {@code Allow} header, for a filter that serves its path with {@code allowed} only.
   */
  public static void methodNotAllowed(HttpServletResponse response, String allowed)
      throws IOException {
    response.setHeader("Allow", allowed);
    write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed");
  }
}
