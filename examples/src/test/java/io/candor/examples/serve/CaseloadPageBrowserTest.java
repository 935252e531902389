package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.OutcomeCount;
import io.candor.caseload.Referrals;
import io.candor.examples.cli.CaseloadCommand;
import io.candor.json.ExpectedResponseModels;
import io.candor.json.LongCsv;
import io.candor.measure.Instruments;
import io.candor.simulation.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The caseload page in a real browser: the outcome mix and the flow equal the library's. */
class CaseloadPageBrowserTest extends BrowserPageTest {

  @Test
  void caseload_showsTheLibrarysOutcomeMixAndFlow() throws IOException {
    Path csv = Files.createDirectories(Path.of("target", "serve-uploads")).resolve("caseload.csv");
    Files.writeString(csv, "client,session,phq9,course\n"
        + "a,0,18,unknown\na,1,17,unknown\na,2,15,unknown\nb,0,22,chronic\nb,1,21,chronic\n"
        + "c,0,15,resolvable\nc,1,12,resolvable\nc,2,10,resolvable\nc,3,9,resolvable\n"
        + "d,0,19,NA\ne,0,24,episodic\ne,1,20,episodic\n");
    browser.get(server.url() + "caseload");
    browser.findElement(By.id("data")).sendKeys(csv.toAbsolutePath().toString());
    Browser.fill(browser, "score", "phq9");
    Browser.fill(browser, "time", "session");
    Browser.fill(browser, "id", "client");
    Browser.fill(browser, "course", "course");
    Browser.fill(browser, "weeks", "60");
    Browser.fill(browser, "therapists", "4");
    Browser.submit(browser);
    var table = LongCsv.withDefaults().withInstrument(Instruments.PHQ9).read(csv,
        LongCsv.columns("client", "session", "phq9").withAttributes("course"));
    CaseloadOutlook outlook = CaseloadCommand.outlook(table, Instruments.PHQ9,
        Optional.of("course"), 12, 0.8, ExpectedResponseModels.reference(Instruments.PHQ9));
    assertEquals(outlook.summary(), browser.findElement(By.id("mix-summary")).getText());
    List<WebElement> rows = browser.findElements(By.cssSelector("#mix tbody tr"));
    assertEquals(outlook.outcomes().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      OutcomeCount c = outlook.outcomes().get(i);
      List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
      assertEquals(String.format(Locale.ROOT, "%.1f", c.expected()), cells.get(0).getText());
      assertEquals(c.lower() + "–" + c.upper(), cells.get(1).getText());
    }
    var run = CaseloadModel.withDefaults()
        .with(Scenario.calibratedDefault(Instruments.PHQ9)).with(Referrals.poisson(1.7))
        .withCapacity(20).with(ExpectedResponseModels.reference(Instruments.PHQ9))
        .simulate(CaseloadPage.FLOW_SEED, 4, 60, 1);
    assertEquals(run.composition().orElseThrow().statement(),
        browser.findElement(By.id("composition")).getText());
    assertEquals(2, browser.findElements(By.cssSelector("#results figure svg")).size(),
        "icon array and composition chart");
    browser.executeScript("document.getElementById('results').scrollIntoView()");
    Browser.screenshot(browser, "caseload");
  }

  @Test
  void badCourse_isNamedOnThePage() throws IOException {
    Path csv = Files.createDirectories(Path.of("target", "serve-uploads")).resolve("bad-course.csv");
    Files.writeString(csv, "id,session,score,course\na,0,18,sometimes\na,1,17,sometimes\n");
    browser.get(server.url() + "caseload");
    browser.findElement(By.id("data")).sendKeys(csv.toAbsolutePath().toString());
    Browser.fill(browser, "course", "course");
    Browser.fill(browser, "weeks", "30");
    Browser.fill(browser, "therapists", "1");
    Browser.submit(browser);
    String error = browser.findElement(By.id("error")).getText();
    assertTrue(error.contains("client a, column course"), error);
    Browser.fill(browser, "capacity", "lots");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText()
        .contains("--capacity must be a finite number, was \"lots\""));
  }
}
