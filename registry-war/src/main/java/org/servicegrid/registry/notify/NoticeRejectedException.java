package org.servicegrid.registry.notify;

/** A dependent answered a notice with a status other than 2xx. */
public class NoticeRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoticeRejectedException(String address, int status) {
    super(address + " answered HTTP " + status);
  }
}
