package org.servicegrid.client;

/** No live instance of a required service is known (or all known ones recently failed). */
public class NoInstanceAvailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String service;

  public NoInstanceAvailableException(String service) {
    super("no live instance of service '" + service + "'");
    this.service = service;
  }

  public String service() {
    return service;
  }
}
