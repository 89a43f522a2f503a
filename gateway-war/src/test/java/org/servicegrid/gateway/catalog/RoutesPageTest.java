package org.servicegrid.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicegrid.gateway.catalog.canary.CanaryRule;

class RoutesPageTest {

  @Test
  void listsEveryServiceWithARelativeLinkAndItsInstanceCount() {
    String html =
        RoutesPage.render(
            new RouteListing(
                List.of(
                    RouteSummary.of("log", 2),
                    RouteSummary.of("visit", 0, new CanaryRule("2.0", 10))),
                "http://127.0.0.1:20000",
                true));

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<td>log</td><td><a href=\"log/\">/log/</a></td><td class=\"n\">2</td>")
        .contains("<td class=\"n none\">0</td><td>2.0 at 10 %</td>")
        .doesNotContain("registry unreachable")
        .doesNotContain("<script")
        .doesNotContain("http://cdn");
  }

  @Test
  void saysWhenTheListMayBeStale() {
    String html = RoutesPage.render(new RouteListing(List.of(), "http://r:1", false));

    assertThat(html).contains("registry unreachable").contains("No services registered.");
  }

  @Test
  void escapesMarkup() {
    assertThat(RoutesPage.escape("<a href='x'>&\"</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  }
}
