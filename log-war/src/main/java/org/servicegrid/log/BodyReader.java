package org.servicegrid.log;

import java.io.IOException;
import java.io.InputStream;
import org.servicegrid.protocol.BoundedBody;
import org.servicegrid.protocol.PayloadTooLargeException;

/**
 * Reads a request body of at most {@code limit} bytes. With a {@code Content-Length} the body is
 * read into an array of exactly that size (and refused before reading when it is too large); a
 * chunked body is read by {@link BoundedBody}, which stops one byte past the limit.
 */
final class BodyReader {

  private BodyReader() {}

  static byte[] read(InputStream in, long contentLength, int limit) throws IOException {
    if (contentLength > limit) {
      throw new PayloadTooLargeException(limit);
    }
    if (contentLength < 0) {
      return BoundedBody.read(in, limit);
    }
    return in.readNBytes((int) contentLength);
  }
}
