package org.servicegrid.log;

import org.servicegrid.protocol.InvalidRequestException;

/**
 * One message of a batch is larger than {@code log.message.max-bytes}; nothing of the batch was
 * written.
 */
public class MessageTooLargeException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  public MessageTooLargeException(int index, int maxBytes) {
    super("message " + index + " is larger than " + maxBytes + " bytes");
  }
}
