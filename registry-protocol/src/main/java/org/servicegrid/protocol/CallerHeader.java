package org.servicegrid.protocol;

/**
 * The request header in which a service names itself when it calls another (docs/protocol.md, "The
 * caller header").
 */
public final class CallerHeader {

  public static final String NAME = "X-Service-Name";

  private CallerHeader() {}
}
