package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.expectation.ClientProfile;
import io.candor.expectation.ClientRenderer;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.expectation.Outcome;
import io.candor.expectation.Probability;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Instruments;
import io.candor.progress.Alert;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.PreparedCurve;
import io.candor.simulation.Calibration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The expectation explorer in a real browser: numbers, errors, keyboard, round-trip time. */
class ExplorerPageBrowserTest extends BrowserPageTest {

  private static PreparedCurve libraryCurve(double intake) {
    return ExpectedResponse.of(ExpectedResponseModels.reference(Instruments.PHQ9))
        .withPercentiles(0.10, 0.25, 0.75, 0.90).withScale(Instruments.PHQ9)
        .prepare(intake, 12, AlertRules.withDefaults());
  }

  /** The report the library makes for the profile, as {@code candor report} makes it. */
  private static ExpectationReport libraryReport(ClientProfile p, OptionalInt horizon) {
    Expectations e = Expectations.withDefaults()
        .withModel(ExpectedResponseModels.reference(Instruments.PHQ9));
    if (horizon.isPresent()) {
      e = e.withHorizons(8, 12, 20, horizon.getAsInt());
    }
    return e.report(p, Calibration.DEFAULT_SEED);
  }

  /** The outlook table and the icon array on the page equal the library's report. */
  private static void assertOutlook(ExpectationReport report, int horizon) {
    for (Outcome o : List.of(Outcome.RELIABLE_IMPROVEMENT, Outcome.NO_RELIABLE_CHANGE,
        Outcome.RELIABLE_DETERIORATION, Outcome.DROPOUT, Outcome.RECOVERY)) {
      Probability p = report.probability(o, horizon).orElseThrow();
      String id = o.name().toLowerCase(Locale.ROOT).replace('_', '-');
      assertEquals(Integer.toString(p.naturalFrequency().count()),
          browser.findElement(By.id("of100-" + id)).getText(), o.toString());
      assertEquals(String.format(Locale.ROOT, "%.1f%%", 100 * p.estimate()),
          browser.findElement(By.id("share-" + id)).getText(), o.toString());
    }
    String desc = browser.findElement(By.cssSelector("#icon-array svg desc"))
        .getAttribute("textContent");
    var labels = ClientRenderer.withDefaults().iconLabels();
    for (Outcome o : Outcome.EXCLUSIVE) {
      int count = report.iconArray(horizon, o).orElseThrow().count(o);
      assertTrue(desc.contains(" " + count + " " + labels.get(o)), o + " in " + desc);
    }
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
    ExpectationReport report = libraryReport(ClientProfile.of(Instruments.PHQ9, 18)
        .withPlannedSessions(12).withObserved(1, 17).withObserved(2, 16).withObserved(3, 16)
        .withObserved(4, 17).withItems(ClientProfile.ItemResponses.of(2, 2, 2, 3, 2, 2, 2, 1, 1)
            .atSession(4)), OptionalInt.empty());
    assertOutlook(report, 12);
    String client = browser.findElement(By.id("report-client")).getText();
    String therapist = browser.findElement(By.id("report-therapist")).getText();
    assertTrue(client.contains("Of 100 people who start where you are, after 12 sessions"),
        client);
    assertTrue(client.indexOf("question 9") < client.indexOf("Of 100 people"),
        "the client's view puts the risk item first: " + client);
    assertTrue(therapist.contains("PHQ-9 item 9"), therapist);
    assertEquals(2, browser.findElements(By.cssSelector("#report-client figure svg")).size(),
        "the client text's own icon arrays: the outcomes and recovery");
    Browser.fullPageScreenshot(browser, "explorer");
  }

  @Test
  void explorer_formWithTooManyBlanksForATotal_stillPutsItsRiskItemInTheReport() {
    browser.get(server.url() + "explorer");
    Browser.fill(browser, "intake", "18");
    Browser.fill(browser, "observed", "1:17");
    Browser.fill(browser, "items", "-,-,-,-,-,1,2,1,2");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("item-total")).getText()
        .contains("uses the item responses for the risk items only"));
    String therapist = browser.findElement(By.id("report-therapist")).getText();
    assertTrue(therapist.contains("PHQ-9 item 9"), therapist);
    String client = browser.findElement(By.id("report-client")).getText();
    assertTrue(client.contains("question 9"), client);
  }

  @Test
  void explorer_takesCourseReadinessAndHorizon_andShowsTheReportsOfTheLibrary() {
    browser.get(server.url() + "explorer");
    Browser.fill(browser, "intake", "19");
    Browser.fill(browser, "observed", "1:19, 2:18");
    Browser.fill(browser, "items", "");
    new Select(browser.findElement(By.id("course"))).selectByVisibleText("chronic");
    new Select(browser.findElement(By.id("readiness"))).selectByVisibleText("contemplation");
    Browser.fill(browser, "sessions", "24");
    Browser.fill(browser, "horizon", "20");
    Browser.submit(browser);
    ExpectationReport report = libraryReport(ClientProfile.of(Instruments.PHQ9, 19)
        .withPlannedSessions(24).withCourse(Course.CHRONIC)
        .withReadiness(ReadinessStage.CONTEMPLATION).withObserved(1, 19).withObserved(2, 18),
        OptionalInt.of(20));
    assertOutlook(report, 20);
    assertTrue(browser.findElement(By.id("outlook-heading")).getText().contains("after 20"));
    String client = browser.findElement(By.id("report-client")).getText();
    assertTrue(client.contains("after 20 sessions"), client);
    assertTrue(client.contains("steadier days"), "a chronic course: " + client);
    assertTrue(browser.findElement(By.id("risk-not-seen")).getText()
        .contains("PHQ-9 item 9) was not seen"));
    assertTrue(browser.findElement(By.id("report-therapist")).getText()
        .contains("was not seen"), "the therapist view says so too");
    assertEquals("chronic", new Select(browser.findElement(By.id("course")))
        .getFirstSelectedOption().getText(), "the form keeps the choice");
    Browser.fullPageScreenshot(browser, "explorer-report");
  }

  @Test
  void badInput_isShownOnThePageAndTheServerKeepsServing() {
    browser.get(server.url() + "explorer");
    Browser.fill(browser, "intake", "eighteen");
    Browser.submit(browser);
    WebElement error = browser.findElement(By.id("error"));
    assertTrue(error.getText().contains("--intake must be a finite number, was \"eighteen\""),
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
    Browser.fill(browser, "horizon", "1");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText().contains(
        "--horizon must come after the last observed session 1, was 1"),
        browser.findElement(By.id("error")).getText());
    Browser.fill(browser, "horizon", "");
    Browser.fill(browser, "sessions", "1");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText().contains(
        "plan more sessions"), browser.findElement(By.id("error")).getText());
    Browser.fill(browser, "sessions", "twelve");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText().contains(
        "--sessions must be a finite number, was \"twelve\""),
        browser.findElement(By.id("error")).getText());
    Browser.fill(browser, "sessions", "12");
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
    List<String> reached = Browser.tabThroughTheForm(browser, Map.of("intake", "17",
        "observed", "1:16,2:14", "readiness", "a")); // typing "a" picks "action"
    assertEquals(List.of("instrument", "intake", "observed", "items", "course", "readiness",
        "sessions", "horizon", "model", "button"), reached, "tab order after the skip link");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("results-heading")));
    assertEquals("results-heading", browser.switchTo().activeElement().getAttribute("id"),
        "the result gets the focus");
    assertEquals(String.format(Locale.ROOT, "%.1f", libraryCurve(17).curve().at(2).mean()),
        browser.findElement(By.id("mean-2")).getText());
    assertOutlook(libraryReport(ClientProfile.of(Instruments.PHQ9, 17).withPlannedSessions(12)
        .withReadiness(ReadinessStage.ACTION).withObserved(1, 16).withObserved(2, 14),
        OptionalInt.empty()), 12);
    Browser.screenshot(browser, "explorer-keyboard");
  }

  @Test
  void roundTrip_isMeasuredInTheBrowser() {
    browser.get(server.url() + "explorer");
    Browser.fill(browser, "intake", "19");
    Browser.fill(browser, "observed", "1:18, 2:16, 3:15");
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    List<Integer> times = new ArrayList<>();
    long cpu = 0;
    for (int i = 0; i < 13; i++) {
      if (i == 3) {
        cpu = os.getProcessCpuTime();
      }
      Browser.submit(browser);
      if (i >= 3) { // the first submissions warm up the JVM and fit the reference model
        times.add(Integer.parseInt(browser.findElement(By.tagName("body"))
            .getAttribute("data-round-trip-ms")));
      }
    }
    long cpuPerSubmission = (os.getProcessCpuTime() - cpu) / 10 / 1_000_000;
    times.sort(null);
    int median = times.get(times.size() / 2);
    System.out.println("explorer round trip with the report in the browser (ms, 10 after"
        + " warm-up): " + times + "; median " + median + "; this JVM (server and test) used "
        + cpuPerSubmission + " ms of CPU per submission; load average "
        + String.format(Locale.ROOT, "%.1f", os.getSystemLoadAverage()) + " on "
        + os.getAvailableProcessors() + " cores");
    assertTrue(browser.findElement(By.id("mean-12")).isDisplayed());
    assertTrue(browser.findElement(By.id("of100-reliable-improvement")).isDisplayed());
  }
}
