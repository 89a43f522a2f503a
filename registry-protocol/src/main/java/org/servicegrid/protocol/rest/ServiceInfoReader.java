package org.servicegrid.protocol.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.servicegrid.protocol.BoundedBody;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoParser;

/**
 * Reads and validates a {@link ServiceInfo} request body. Taking over from the generic JSON-B
 * reader gives one behaviour for every bad input (oversize, malformed, missing or invalid fields):
 * a 400 with a sentence that says why, before any resource method runs, so nothing changes. Any
 * content type is accepted because clients of the original design do not always send one.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ServiceInfoReader implements MessageBodyReader<ServiceInfo> {

  /** Registrations are small; 64 KiB leaves room for hundreds of required services. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == ServiceInfo.class;
  }

  @Override
  public ServiceInfo readFrom(
      Class<ServiceInfo> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return ServiceInfoParser.parse(BoundedBody.read(entityStream, MAX_BODY_BYTES));
  }
}
