package org.servicegrid.bench.reference;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest answer this Liberty can give: the trivial-servlet reference of every ratio in the
 * table.
 */
@WebServlet("/ping")
public class PingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    response.setContentLength(OK.length);
    response.getOutputStream().write(OK);
  }
}
