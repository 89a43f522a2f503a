package org.servicegrid.gateway.catalog;

import org.servicegrid.gateway.catalog.canary.CanaryRule;

/**
 * Renders the route listing as one self-contained HTML page (inline style, no scripts, nothing
 * fetched from elsewhere), so it works on an isolated network. Every value is escaped even though
 * service names are restricted to safe characters: the page must not depend on validation done
 * elsewhere.
 */
final class RoutesPage {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}th,td{padding:.4rem"
          + " .9rem;border-bottom:1px solid #ddd;text-align:left}"
          + "td.n{text-align:right}.none{color:#b00}.stale{color:#b00;font-weight:bold}";

  private RoutesPage() {}

  static String render(RouteListing listing) {
    StringBuilder html =
        new StringBuilder(1024)
            .append(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gateway"
                    + " routes</title>")
            .append("<style>")
            .append(STYLE)
            .append("</style></head><body><h1>Gateway routes</h1>")
            .append("<p>Services known to the registry at ")
            .append(escape(listing.registry()));
    if (!listing.current()) {
      html.append(" <span class=\"stale\">(registry unreachable, list may be stale)</span>");
    }
    html.append("</p>");
    if (listing.services().isEmpty()) {
      return html.append("<p>No services registered.</p></body></html>").toString();
    }
    html.append(
        "<table><thead><tr><th>Service</th><th>Path</th><th>Live"
            + " instances</th><th>Canary</th></tr></thead><tbody>");
    for (RouteSummary route : listing.services()) {
      // A relative link, so the page also works when the gateway is not at the server's root.
      html.append("<tr><td>")
          .append(escape(route.name()))
          .append("</td><td><a href=\"")
          .append(escape(route.name()))
          .append("/\">")
          .append(escape(route.path()))
          .append("</a></td><td class=\"n")
          .append(route.instances() == 0 ? " none" : "")
          .append("\">")
          .append(route.instances())
          .append("</td><td>")
          .append(canary(route.canary()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table></body></html>").toString();
  }

  /** "2.0 at 10 %": the version and the share of requests it gets; empty without a rule. */
  private static String canary(CanaryRule rule) {
    return rule == null ? "" : escape(rule.version()) + " at " + rule.percent() + " %";
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
