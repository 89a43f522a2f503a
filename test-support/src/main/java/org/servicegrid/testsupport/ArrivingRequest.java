package org.servicegrid.testsupport;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/** A request a {@link FakeHttpServer} is receiving: what of its body arrived so far. */
record ArrivingRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    ByteArrayOutputStream body) {

  ArrivingRequest(String method, String path, String query, Map<String, List<String>> headers) {
    this(method, path, query, headers, new ByteArrayOutputStream());
  }

  void append(byte[] bytes, int length) {
    synchronized (body) {
      body.write(bytes, 0, length);
    }
  }

  RecordedRequest snapshot() {
    synchronized (body) {
      return new RecordedRequest(method, path, query, headers, body.toByteArray());
    }
  }
}
