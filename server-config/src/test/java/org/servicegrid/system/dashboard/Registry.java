package org.servicegrid.system.dashboard;

import java.net.http.HttpResponse;
import org.servicegrid.testsupport.Http;

/** The real registry the build started on 127.0.0.1:20000. */
final class Registry {

  static final String BASE = "http://127.0.0.1:20000";

  private Registry() {}

  /** GET {@code path} of the registry, with headers given as name, value, name, value... */
  static HttpResponse<String> get(String path, String... headers) {
    return Http.get(BASE + path, headers);
  }
}
