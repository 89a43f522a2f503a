package org.servicegrid.bench.reference;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The plain append: {@code POST /append} writes "time caller body" as one line to a file under a
 * lock and flushes before it answers 200. What {@code POST /log} is measured against.
 */
@WebServlet("/append")
public class AppendServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private transient OutputStream out;

  @Override
  public void init() throws ServletException {
    Path file = Path.of(ConfigProvider.getConfig().getValue("reference.append.file", String.class));
    try {
      Files.createDirectories(file.getParent());
      out = new FileOutputStream(file.toFile(), true);
    } catch (IOException e) {
      throw new ServletException(e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = request.getInputStream().readNBytes(65536);
    String caller = request.getHeader("X-Service-Name");
    byte[] line =
        (Instant.now()
                + " "
                + (caller == null ? "-" : caller)
                + " "
                + new String(body, StandardCharsets.UTF_8)
                + "\n")
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
    } catch (IOException ignored) {
      // stopping anyway
    }
  }
}
