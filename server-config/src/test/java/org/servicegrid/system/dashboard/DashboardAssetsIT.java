package org.servicegrid.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicegrid.system.UsesSharedSystem;

/**
 * The dashboard's files over plain HTTP from the real registry: the page at {@code /}, its
 * stylesheet and script with the right types and security headers, revalidation by entity tag, and
 * 404 JSON for anything that is not one of its assets, including attempts to climb out of the asset
 * folder.
 */
@UsesSharedSystem
class DashboardAssetsIT {

  @Test
  void servesThePageAtTheRootWithAPolicyThatAllowsOnlyTheRegistryItself() throws Exception {
    HttpResponse<String> page = Registry.get("/");

    assertThat(page.statusCode()).as("GET " + Registry.BASE + "/").isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body())
        .contains("dashboard/dashboard.js", "dashboard/dashboard.css", "id=\"instances\"")
        .doesNotContain("http://", "https://");
  }

  @Test
  void servesStylesheetAndScriptWithTheirContentTypes() throws Exception {
    HttpResponse<String> css = Registry.get("/dashboard/dashboard.css");
    HttpResponse<String> js = Registry.get("/dashboard/dashboard.js");

    assertThat(css.statusCode()).as("GET /dashboard/dashboard.css").isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(js.statusCode()).as("GET /dashboard/dashboard.js").isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(js.body()).contains("textContent").doesNotContain("innerHTML");
  }

  @Test
  void answers304WhenTheBrowserAlreadyHoldsTheCurrentVersion() throws Exception {
    HttpResponse<String> first = Registry.get("/dashboard/dashboard.js");
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

    HttpResponse<String> again = Registry.get("/dashboard/dashboard.js", "If-None-Match", tag);

    assertThat(again.statusCode())
        .as("GET /dashboard/dashboard.js with If-None-Match " + tag)
        .isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/dashboard/missing.js",
        "/dashboard/index.html",
        "/dashboard/Asset.class",
        "/dashboard/..dashboard.js",
        "/dashboard/.dashboard.css"
      })
  void answersOtherNamesUnderTheAssetPathWith404Json(String path) throws Exception {
    HttpResponse<String> response = Registry.get(path);

    assertThat(response.statusCode()).as("GET " + path).isEqualTo(404);
    JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
    assertThat(body.getString("error")).isNotBlank();
  }

  /**
   * Liberty's web container refuses encoded slashes (400) before the application sees them; the
   * asset-name rule is the second line of defence. Either refusal is fine as long as no file comes
   * back.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/dashboard/..%2Fdashboard%2Fdashboard.js",
        "/dashboard/..%2F..%2FMETA-INF%2Fmicroprofile-config.properties",
        "/dashboard/%2e%2e%2forg%2fservicegrid%2fregistry%2fdashboard%2fAsset.class"
      })
  void refusesPathsThatClimbOutOfTheAssetFolder(String path) throws Exception {
    HttpResponse<String> response = Registry.get(path);

    assertThat(response.statusCode()).as("GET " + path).isIn(400, 404);
    assertThat(response.body())
        .as("no file content (the container's error page may echo the path)")
        .doesNotContain("textContent", "registry.heartbeat.period", "CONTENT_SECURITY_POLICY");
  }

  @Test
  void countsPageViewsAndDescribesThePageInOpenApi() throws Exception {
    assertThat(Registry.get("/").statusCode()).as("GET /").isEqualTo(200);

    HttpResponse<String> metrics = Registry.get("/metrics?scope=application");
    assertThat(metrics.statusCode()).as("GET /metrics?scope=application").isEqualTo(200);
    assertThat(metrics.body()).containsPattern("registry_dashboard_views_total\\{[^}]*} [1-9]");
    HttpResponse<String> openapi = Registry.get("/openapi");
    assertThat(openapi.statusCode()).as("GET /openapi").isEqualTo(200);
    assertThat(openapi.body()).contains("/dashboard/{asset}:", "No dashboard asset has that name");
  }

  @Test
  void leavesTheRegistryEndpointsBesideThePageAlone() throws Exception {
    HttpResponse<String> instances = Registry.get("/instances");

    assertThat(instances.statusCode()).as("GET /instances").isEqualTo(200);
    assertThat(instances.body()).startsWith("[");
  }
}
