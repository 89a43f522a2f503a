package org.servicegrid.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both come from the system
 * packages (scripts/ensure-packages.sh), so Selenium never downloads a driver or browser. A missing
 * browser fails the test with the command that installs it: skipping would let CI pass without ever
 * testing the dashboard.
 */
final class HeadlessChromium {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** A fresh browser with its own throw-away profile in {@code profile}. */
  static ChromeDriver start(Path profile) throws IOException {
    for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      assertThat(Files.isExecutable(binary))
          .as(
              "%s is missing: install Debian's chromium and chromium-driver with"
                  + " scripts/ensure-packages.sh (./test.sh runs it)",
              binary)
          .isTrue();
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(
                Duration.ofSeconds(
                    60)) // the driver's own start-up, slow on a loaded 2-core machine
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + Files.createDirectories(profile));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver
        .manage()
        .timeouts()
        .pageLoadTimeout(Duration.ofSeconds(30))
        .scriptTimeout(Duration.ofSeconds(10));
    return driver;
  }
}
