package org.servicegrid.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.TestTokens;

/**
 * The dashboard in a real headless Chromium against the real registry: instances appear, a hung one
 * turns failing and then evicted, and the registry's unreachability shows as a banner, all without
 * reloading the page; an operator with a token takes an instance out of service and back from it.
 * The page is opened with {@code ?refresh=250} so its polling samples the short FAILING phase; a
 * MutationObserver records every state the victim's row showed, so the test does not depend on
 * WebDriver polling at the right moment.
 */
@UsesSharedSystem
class DashboardBrowserIT {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final Path SCREENSHOT = Path.of("target", "screenshots", "dashboard.png");

  @TempDir static Path profile;
  private static ChromeDriver browser;

  private final String service = "dashboard-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<FakeInstance> instances = new ArrayList<>();

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = HeadlessChromium.start(profile.resolve("chromium-profile"));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void registerThreeInstances() {
    for (int i = 0; i < 3; i++) {
      FakeInstance instance = new FakeInstance();
      instances.add(instance);
      instance.registerWith(Registry.BASE, service);
    }
  }

  @AfterEach
  void deregisterInstances() {
    instances.forEach(FakeInstance::close); // deregisters each, then stops it
  }

  @Test
  void showsAHungInstanceFailingThenEvictedWithoutReloading() throws Exception {
    openDashboard();
    awaiting().untilAsserted(() -> assertThat(states()).containsOnly("up").hasSize(3));
    FakeInstance victim = instances.get(0);
    awaiting()
        .untilAsserted(
            () ->
                assertThat(cellOf(victim, "beat"))
                    .as("last heart-beat")
                    .matches(".* ago|just now"));
    String marker = markPageAndRecordStatesOf(victim);

    victim.hangOnHeartBeats();

    awaiting().untilAsserted(() -> assertThat(stateOf(victim)).isEqualTo("evicted"));
    assertThat(recordedStates())
        .as("states the victim's row showed, in order")
        .containsSubsequence("up", "failing", "evicted");
    awaiting()
        .untilAsserted(
            () ->
                assertThat(
                        browser.findElements(
                            By.cssSelector(
                                "#events li[data-type='EVICTED'][data-name='"
                                    + service
                                    + "'][data-addr='"
                                    + victim.addr()
                                    + "']")))
                    .hasSize(1));
    assertThat(states()).containsExactlyInAnyOrder("evicted", "up", "up");
    assertThat(attribute(By.id("count-evicted"), "data-count")).isNotEqualTo("0");
    assertThat(browser.executeScript("return window.dashboardTest && window.dashboardTest.marker"))
        .as("marker set on window before the eviction (gone if the page had reloaded)")
        .isEqualTo(marker);
    saveScreenshot();
  }

  @Test
  void showsABannerWhileTheRegistryIsUnreachableAndKeepsTheLastData() {
    openDashboard();
    awaiting().untilAsserted(() -> assertThat(states()).hasSize(3));
    String marker = markPageAndRecordStatesOf(instances.get(0));

    blockRequestsTo("*/instances*");
    WebElement banner = browser.findElement(By.id("banner"));
    awaiting().untilAsserted(() -> assertThat(banner.isDisplayed()).isTrue());
    assertThat(banner.getText()).contains("Registry unreachable", "GET /instances");
    assertThat(attribute(By.tagName("body"), "data-connection")).isEqualTo("lost");
    assertThat(states()).as("the last known rows stay visible").hasSize(3);

    blockRequestsTo();
    awaiting().untilAsserted(() -> assertThat(banner.isDisplayed()).isFalse());
    assertThat(attribute(By.tagName("body"), "data-connection")).isEqualTo("ok");
    assertThat(browser.executeScript("return window.dashboardTest.marker")).isEqualTo(marker);
  }

  @Test
  void takesAnInstanceOutOfServiceAndBackFromThePageOnlyWithAToken() {
    openDashboard();
    awaiting().untilAsserted(() -> assertThat(states()).containsOnly("up").hasSize(3));
    FakeInstance drained = instances.get(1);
    assertThat(statusOf(drained)).isEqualTo("UP");

    clickStatusButtonOf(drained); // no token typed: the registry refuses, the page only reports it
    awaiting()
        .untilAsserted(
            () ->
                assertThat(browser.findElement(By.id("action-result")).getText()).contains("401"));
    assertThat(statusOf(drained)).isEqualTo("UP");

    browser.findElement(By.id("token")).sendKeys(TestTokens.admin());
    clickStatusButtonOf(drained);

    awaiting().untilAsserted(() -> assertThat(statusOf(drained)).isEqualTo("OUT_OF_SERVICE"));
    assertThat(cellOf(drained, "status")).startsWith("out of service");
    assertThat(states()).as("still registered and heart-beaten").containsOnly("up");
    awaiting()
        .untilAsserted(
            () ->
                assertThat(
                        browser.findElements(
                            By.cssSelector(
                                "#events li[data-type='OUT_OF_SERVICE'][data-addr='"
                                    + drained.addr()
                                    + "']")))
                    .hasSize(1));

    clickStatusButtonOf(drained);
    awaiting().untilAsserted(() -> assertThat(statusOf(drained)).isEqualTo("UP"));
  }

  private String statusOf(FakeInstance instance) {
    return (String)
        browser.executeScript(
            """
            const row = document.querySelector(`tr.instance[data-addr="${CSS.escape(arguments[0])}"]`);
            return row ? row.dataset.status : 'absent';
            """,
            instance.addr());
  }

  private void clickStatusButtonOf(FakeInstance instance) {
    browser
        .findElement(
            By.cssSelector("tr.instance[data-addr='" + instance.addr() + "'] button.set-status"))
        .click();
  }

  private void openDashboard() {
    browser.get(Registry.BASE + "/?refresh=250");
    assertThat(browser.getTitle()).contains("servicegrid registry");
  }

  /** The states of the service's rows, read in one script so a re-render cannot interleave. */
  @SuppressWarnings("unchecked")
  private List<String> states() {
    return (List<String>)
        browser.executeScript(
            """
            return [...document.querySelectorAll(`tr.instance[data-name="${CSS.escape(arguments[0])}"]`)]
                .map(row => row.dataset.state);
            """,
            service);
  }

  private String stateOf(FakeInstance instance) {
    return (String)
        browser.executeScript(
            """
            const row = document.querySelector(`tr.instance[data-addr="${CSS.escape(arguments[0])}"]`);
            return row ? row.dataset.state : 'absent';
            """,
            instance.addr());
  }

  private String cellOf(FakeInstance instance, String column) {
    return (String)
        browser.executeScript(
            """
            const [addr, column] = arguments;
            const cell = document.querySelector(`tr.instance[data-addr="${CSS.escape(addr)}"] td.${column}`);
            return cell ? cell.textContent : null;
            """,
            instance.addr(),
            column);
  }

  private String attribute(By element, String name) {
    return browser.findElement(element).getDomAttribute(name);
  }

  /**
   * Sets a marker on {@code window} (a reload would drop it) and starts recording each state the
   * instance's row shows: the page re-renders in place, so every change of its {@code data-state}
   * is a mutation.
   */
  private String markPageAndRecordStatesOf(FakeInstance instance) {
    String marker = UUID.randomUUID().toString();
    browser.executeScript(
        """
        const [marker, addr] = arguments;
        const seen = [];
        window.dashboardTest = {marker, seen};
        const record = () => {
          const row = document.querySelector(`tr.instance[data-addr="${CSS.escape(addr)}"]`);
          const state = row && row.dataset.state;
          if (state && seen[seen.length - 1] !== state) seen.push(state);
        };
        new MutationObserver(record).observe(document.getElementById('instances'),
            {subtree: true, childList: true, attributes: true, attributeFilter: ['data-state']});
        record();
        """,
        marker,
        instance.addr());
    return marker;
  }

  @SuppressWarnings("unchecked")
  private List<String> recordedStates() {
    return (List<String>) browser.executeScript("return window.dashboardTest.seen");
  }

  /**
   * Makes Chromium refuse requests matching the patterns, as if the registry stopped answering
   * them.
   */
  private void blockRequestsTo(String... urlPatterns) {
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(urlPatterns)));
  }

  private void saveScreenshot() throws Exception {
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
  }

  private static ConditionFactory awaiting() {
    return await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).pollInSameThread();
  }
}
