package org.servicegrid.registry.table;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Sends a {@link JsonBody} as its bytes with their length. Its own type, rather than {@code
 * byte[]}, so that no JSON provider mistakes the bytes for an array of numbers.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JsonBodyWriter implements MessageBodyWriter<JsonBody> {

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonBody.class;
  }

  @Override
  public long getSize(
      JsonBody body,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType) {
    return -1; // deprecated by JAX-RS; writeTo sets Content-Length
  }

  @Override
  public void writeTo(
      JsonBody body,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    httpHeaders.putSingle("Content-Length", body.utf8().length);
    entityStream.write(body.utf8());
  }
}
