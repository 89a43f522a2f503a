package org.servicegrid.bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Measuring aid, not product code: the least a proxy servlet can do. Forwards GET /{anything}/{rest} to
 * http://${REFERENCE_UPSTREAM}/{rest} through one pooled Apache HttpClient 5 classic and copies status,
 * Content-Type, Content-Length and the body bytes. No catalogue, no header policy, no metrics, no retries.
 */
@WebServlet(urlPatterns = "/*")
public class ReferenceProxyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String UPSTREAM =
      "http://" + System.getenv().getOrDefault("REFERENCE_UPSTREAM", "127.0.0.1:20002");

  private transient CloseableHttpClient client;

  @Override
  public void init() {
    client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(256).setMaxConnPerRoute(256)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofSeconds(1)).setSocketTimeout(Timeout.ofSeconds(10)).build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
        .disableAutomaticRetries().disableRedirectHandling().disableContentCompression()
        .disableCookieManagement().disableAuthCaching()
        .build();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    int slash = path.indexOf('/', 1);
    String rest = slash < 0 ? "/" : path.substring(slash);
    String query = request.getQueryString();
    HttpUriRequestBase outbound =
        new HttpUriRequestBase(request.getMethod(), java.net.URI.create(UPSTREAM + rest + (query == null ? "" : "?" + query)));
    client.execute(outbound, (ClassicHttpResponse upstream) -> {
      response.setStatus(upstream.getCode());
      HttpEntity entity = upstream.getEntity();
      if (entity != null) {
        if (entity.getContentType() != null) {
          response.setContentType(entity.getContentType());
        }
        if (entity.getContentLength() >= 0) {
          response.setContentLengthLong(entity.getContentLength());
        }
        try (InputStream in = entity.getContent()) {
          OutputStream out = response.getOutputStream();
          in.transferTo(out);
        }
      }
      return null;
    });
  }

  @Override
  public void destroy() {
    try {
      client.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
