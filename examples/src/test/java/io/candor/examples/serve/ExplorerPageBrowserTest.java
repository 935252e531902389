package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Instruments;
import io.candor.progress.Alert;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.PreparedCurve;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The expectation explorer in a real browser: numbers, errors, keyboard, round-trip time. */
class ExplorerPageBrowserTest extends BrowserPageTest {

  private static PreparedCurve libraryCurve(double intake) {
    return ExpectedResponse.of(ExpectedResponseModels.reference(Instruments.PHQ9))
        .withPercentiles(0.10, 0.25, 0.75, 0.90).withScale(Instruments.PHQ9)
        .prepare(intake, 12, AlertRules.withDefaults());
  }

  @Test
  void explorer_showsTheLibrarysNumbersAlertAndChart() {
    browser.get(server.url() + "explorer");
    Browser.fill(browser, "intake", "18");
    Browser.fill(browser, "observed", "1:17, 2:16, 3:16, 4:17");
    Browser.fill(browser, "items", "2,2,2,3,2,2,2,1,1");
    Browser.submit(browser);
    PreparedCurve curve = libraryCurve(18);
    for (int s = 0; s <= 12; s++) {
      String expected = String.format(Locale.ROOT, "%.1f", curve.curve().at(s).mean());
      assertEquals(expected, browser.findElement(By.id("mean-" + s)).getText(), "session " + s);
    }
    Alert alert = curve.evaluate(4, 17);
    assertTrue(browser.findElement(By.id("alert")).getText().contains(alert.reason()),
        browser.findElement(By.id("alert")).getText());
    String category = ClinicalChange.classifyByCriterion(18, 17, ChangeContext.of(Instruments.PHQ9))
        .category().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    assertEquals(category, browser.findElement(By.id("category")).getText());
    assertTrue(browser.findElement(By.id("item-total")).getText().contains("add up to 17"));
    var flags = Instruments.PHQ9.itemScoring().orElseThrow().riskFlags(
        java.util.stream.IntStream.of(2, 2, 2, 3, 2, 2, 2, 1, 1).mapToObj(OptionalInt::of).toList());
    assertEquals(1, flags.size());
    assertEquals(flags.get(0).toString(), browser.findElement(By.id("risk-flags")).getText());
    WebElement svg = browser.findElement(By.cssSelector("#results figure svg"));
    assertEquals("img", svg.getAttribute("role"));
    assertTrue(svg.findElement(By.tagName("desc")).getAttribute("textContent")
        .contains("session 4 17"));
    Browser.screenshot(browser, "explorer");
  }

  @Test
  void badInput_isShownOnThePageAndTheServerKeepsServing() {
    browser.get(server.url() + "explorer");
    Browser.fill(browser, "intake", "eighteen");
    Browser.submit(browser);
    WebElement error = browser.findElement(By.id("error"));
    assertTrue(error.getText().contains("--intake must be a finite number, was eighteen"),
        error.getText());
    assertEquals("error", browser.switchTo().activeElement().getAttribute("id"),
        "the error gets the focus");
    Browser.screenshot(browser, "explorer-error");
    Browser.fill(browser, "intake", "18");
    Browser.fill(browser, "observed", "2:15, 1:16");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText()
        .contains("--observed sessions must be increasing"), "the CLI's message");
    Browser.fill(browser, "observed", "1:16");
    Browser.fill(browser, "items", "1,1,1");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText().contains("PHQ-9"),
        browser.findElement(By.id("error")).getText());
    Browser.fill(browser, "items", "0,0,0,0,0,0,0,0,0");
    Browser.fill(browser, "observed", "1:0");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("risk-none")).getText().contains("not reassurance"));
    Browser.fill(browser, "items", "1,1,1,1,1,1,1,1,-");
    Browser.fill(browser, "observed", "1:9");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("risk-flags")).getText()
        .contains("PHQ-9 item 9 = not answered"), browser.findElement(By.id("results")).getText());
    Browser.fill(browser, "items", "");
    Browser.fill(browser, "intake", "40");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText().contains("27"),
        "the instrument's range: " + browser.findElement(By.id("error")).getText());
    Browser.fill(browser, "intake", "18");
    Browser.submit(browser);
    assertEquals(String.format(Locale.ROOT, "%.1f", libraryCurve(18).curve().at(0).mean()),
        browser.findElement(By.id("mean-0")).getText());
  }

  @Test
  void explorer_worksWithTheKeyboardAlone() {
    browser.get(server.url() + "explorer");
    Actions keys = new Actions(browser);
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("Skip to the content", browser.switchTo().activeElement().getText());
    keys.sendKeys(Keys.ENTER).perform();
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 12 && !"BUTTON".equalsIgnoreCase(
        browser.switchTo().activeElement().getTagName()); i++) {
      keys.sendKeys(Keys.TAB).perform();
      WebElement now = browser.switchTo().activeElement();
      String id = now.getAttribute("id");
      reached.add(id == null || id.isEmpty() ? now.getTagName() : id);
      switch (id == null ? "" : id) {
        case "intake" -> keys.sendKeys("17").perform();
        case "observed" -> keys.sendKeys("1:16,2:14").perform();
        default -> { }
      }
    }
    assertEquals(List.of("instrument", "intake", "observed", "items", "sessions", "model",
        "button"), reached, "tab order after the skip link");
    keys.sendKeys(Keys.ENTER).perform();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("results-heading")));
    assertEquals("results-heading", browser.switchTo().activeElement().getAttribute("id"),
        "the result gets the focus");
    assertEquals(String.format(Locale.ROOT, "%.1f", libraryCurve(17).curve().at(2).mean()),
        browser.findElement(By.id("mean-2")).getText());
    Browser.screenshot(browser, "explorer-keyboard");
  }

  @Test
  void roundTrip_isMeasuredInTheBrowser() {
    browser.get(server.url() + "explorer");
    Browser.fill(browser, "intake", "19");
    Browser.fill(browser, "observed", "1:18, 2:16, 3:15");
    List<Integer> times = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      Browser.submit(browser);
      if (i >= 3) { // the first submissions warm up the JVM and fit the reference model
        times.add(Integer.parseInt(browser.findElement(By.tagName("body"))
            .getAttribute("data-round-trip-ms")));
      }
    }
    times.sort(null);
    int median = times.get(times.size() / 2);
    System.out.println("explorer round trip in the browser (ms, 10 after warm-up): " + times
        + "; median " + median);
    assertTrue(browser.findElement(By.id("mean-12")).isDisplayed());
  }
}
