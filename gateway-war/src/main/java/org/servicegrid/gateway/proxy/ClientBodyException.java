package org.servicegrid.gateway.proxy;

import java.io.IOException;

/**
 * Reading the client's request body failed (usually the client went away): not the upstream's
 * fault.
 */
public class ClientBodyException extends IOException {

  private static final long serialVersionUID = 1L;

  public ClientBodyException(IOException cause) {
    super("reading the request body failed: " + cause.getMessage(), cause);
  }
}
