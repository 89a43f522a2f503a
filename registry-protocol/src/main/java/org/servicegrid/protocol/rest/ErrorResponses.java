package org.servicegrid.protocol.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.servicegrid.protocol.ErrorBody;

/** Builds the {@code {"error": "..."}} answers every service returns. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response of(int status, String message) {
    return builder(status, message).build();
  }

  public static Response.ResponseBuilder builder(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(message));
  }
}
