package org.servicegrid.bench.reference;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The minimal reference proxy: forwards {@code /proxy/{rest}} to {@code
 * http://{reference.upstream}/{rest}} through one pooled Apache HttpClient 5 (classic, blocking)
 * and copies status, content type, length and the bytes. No routing, no retries, no metrics: what
 * the gateway is measured against.
 */
@WebServlet("/proxy/*")
public class ProxyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private transient CloseableHttpClient client;
  private String upstream;

  @Override
  public void init() throws ServletException {
    upstream = "http://" + ConfigProvider.getConfig().getValue("reference.upstream", String.class);
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(256)
            .setMaxConnPerRoute(256)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(1))
                    .setSocketTimeout(Timeout.ofSeconds(10))
                    .build())
            .build();
    client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableContentCompression()
            .disableCookieManagement()
            .build();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String query = request.getQueryString();
    String target = upstream + request.getPathInfo() + (query == null ? "" : "?" + query);
    HttpUriRequestBase outbound =
        new HttpUriRequestBase(request.getMethod(), java.net.URI.create(target));
    try {
      client.execute(
          outbound,
          (ClassicHttpResponse answer) -> {
            response.setStatus(answer.getCode());
            Header type = answer.getFirstHeader("Content-Type");
            if (type != null) {
              response.setContentType(type.getValue());
            }
            HttpEntity entity = answer.getEntity();
            if (entity != null) {
              if (entity.getContentLength() >= 0) {
                response.setContentLengthLong(entity.getContentLength());
              }
              try (InputStream in = entity.getContent()) {
                in.transferTo(response.getOutputStream());
              }
            }
            return null;
          });
    } catch (IOException e) {
      if (!response.isCommitted()) {
        response.sendError(502);
      }
    }
  }

  @Override
  public void destroy() {
    try {
      client.close();
    } catch (IOException ignored) {
      // stopping anyway
    }
  }
}
