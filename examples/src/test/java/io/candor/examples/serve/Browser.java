package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the end-to-end tests, from the Debian packages {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them). A missing browser fails the test; only
 * {@code -Dcandor.browser.skip=true}, given on purpose on a machine without them, turns that into
 * a skip. {@code -Dcandor.chromium=PATH} and {@code -Dcandor.chromedriver=PATH} point elsewhere.
 */
final class Browser {

  static final Path CHROMIUM = Path.of(System.getProperty("candor.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("candor.chromedriver", "/usr/bin/chromedriver"));

  private static final java.util.Map<ChromeDriver, Path> PROFILES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Browser() {}

  /** Quits the browser and deletes its profile directory. */
  static void quit(ChromeDriver driver) {
    if (driver == null) {
      return;
    }
    driver.quit();
    Path profile = PROFILES.remove(driver);
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + profile, e);
      }
    }
  }

  /** A fresh headless browser with its own profile under {@code target/}; {@link #quit} it. */
  static ChromeDriver start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String missing = "headless Chromium is needed for the end-to-end tests: " + CHROMIUM
          + " or " + DRIVER + " is missing (apt-get install -y chromium chromium-driver)";
      if (Boolean.getBoolean("candor.browser.skip")) {
        Assumptions.abort(missing + "; skipped because -Dcandor.browser.skip=true");
      }
      fail(missing + "; to skip these tests on purpose, -Dcandor.browser.skip=true");
    }
    Path profile;
    try {
      Files.createDirectories(Path.of("target"));
      profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1200,1700",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    PROFILES.put(driver, profile);
    return driver;
  }

  /**
   * Walks a page's form with the keyboard alone: Tab to the skip link (which must be first),
   * Enter on it, then Tab from field to field up to the submit button, typing the given keys into
   * the fields with those ids on the way (typing into a select picks a choice).
   *
   * @return the ids of the elements reached after the skip link, in order ("button" for the
   *     submit button), which has the focus at the end
   */
  static List<String> tabThroughTheForm(ChromeDriver driver, Map<String, String> typeAt) {
    Actions keys = new Actions(driver);
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("Skip to the content", driver.switchTo().activeElement().getText());
    keys.sendKeys(Keys.ENTER).perform();
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 24 && !"BUTTON".equalsIgnoreCase(
        driver.switchTo().activeElement().getTagName()); i++) {
      keys.sendKeys(Keys.TAB).perform();
      WebElement now = driver.switchTo().activeElement();
      String id = now.getAttribute("id");
      reached.add(id == null || id.isEmpty() ? now.getTagName() : id);
      if (id != null && typeAt.containsKey(id)) {
        keys.sendKeys(typeAt.get(id)).perform();
      }
    }
    return reached;
  }

  /** Replaces the text of the input with that id. */
  static void fill(ChromeDriver driver, String id, String value) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  /** Clicks the form's submit button and waits until the page script has shown the answer. */
  static void submit(ChromeDriver driver) {
    String before = driver.findElement(By.tagName("body")).getAttribute("data-submissions");
    driver.findElement(By.cssSelector("form.candor-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> {
      String now = d.findElement(By.tagName("body")).getAttribute("data-submissions");
      return now != null && !now.equals(before);
    });
  }

  /**
   * Saves a screenshot of the whole page, beyond the window, as {@code
   * target/screenshots/NAME.png} (through the DevTools protocol, which chromedriver relays).
   */
  static Path fullPageScreenshot(ChromeDriver driver, String name) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
    Map<String, Object> clip = Map.of("x", 0, "y", 0,
        "width", ((Number) size.get("width")).doubleValue(),
        "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Path file = dir.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves a screenshot as {@code target/screenshots/NAME.png}. */
  static Path screenshot(ChromeDriver driver, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
