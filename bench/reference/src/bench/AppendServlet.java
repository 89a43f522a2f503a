package bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reference for POST /log: reads the body, appends "timestamp caller message\n" under a lock, flushes. */
@WebServlet("/append")
public class AppendServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private FileOutputStream out;

  @Override
  public void init() {
    try {
      out = new FileOutputStream(System.getProperty("java.io.tmpdir") + "/ref-append.log", true);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String message = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String caller = request.getHeader("X-Service-Name");
    byte[] line = (Instant.now() + " " + (caller == null ? "-" : caller) + " " + message + "\n")
        .getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      out.write(line);
      out.flush();
    }
    response.setStatus(200);
  }

  @Override
  public void destroy() {
    try {
      out.close();
    } catch (IOException e) {
      // nothing to do in a benchmark reference
    }
  }
}
