package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.examples.cli.CandorCli;
import io.candor.examples.cli.ClassesCommand;
import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instruments;
import io.candor.model.growth.FixedEffect;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.MixtureModel;
import io.candor.model.mixture.TrajectoryClass;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The research page in a real browser: upload, numbers equal the library's, bad uploads. */
class ResearchPageBrowserTest extends BrowserPageTest {

  /** A second server with a 64 KB upload limit. */
  private static CandorServer small;
  private static Path dir;

  @BeforeAll
  static void start() throws IOException {
    small = CandorServer.start(0, 64 * 1024);
    dir = Files.createDirectories(Path.of("target", "serve-uploads"));
  }

  @AfterAll
  static void stop() {
    if (small != null) {
      small.close();
    }
  }

  /**
   * A simulated PHQ-9 cohort as long-format CSV (id, session, score): the calibrated scenario
   * with twelve planned sessions, so up to 13 rows per client (fewer after dropout).
   */
  static Path cohortCsv(String name, int clients) throws IOException {
    Path file = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,session,score\n");
      StringBuilder sb = new StringBuilder(64);
      Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9).withSessions(12))
          .forEachOrdered(5L, clients, Arm.TREATED, 2, c -> {
            var t = c.trajectory();
            for (int i = 0; i < t.size(); i++) {
              sb.setLength(0);
              sb.append(t.client().value()).append(',').append(t.sessionAt(i)).append(',')
                  .append((long) t.scoreAt(i)).append('\n');
              try {
                w.write(sb.toString());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          });
    }
    return file;
  }

  private static void upload(CandorServer s, Path file) {
    browser.get(s.url() + "research");
    browser.findElement(By.id("data")).sendKeys(file.toAbsolutePath().toString());
    Browser.submit(browser);
  }

  private static GrowthFit libraryFit(Path file) throws IOException {
    LongTable t = LongCsv.withDefaults().read(file, LongCsv.columns("id", "session", "score"));
    return GrowthModel.withDefaults().with(TimeBasis.LOG).fit(t.toGrowthData());
  }

  @Test
  void upload_showsTheLibrarysFitPatternsAndSurvival() throws IOException {
    Path file = cohortCsv("cohort-500.csv", 500);
    upload(server, file);
    assertEquals("500", browser.findElement(By.id("n-clients")).getText());
    GrowthFit fit = libraryFit(file);
    List<WebElement> rows = browser.findElements(By.cssSelector("#fixed-effects tbody tr"));
    assertEquals(fit.fixedEffects().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      FixedEffect e = fit.fixedEffects().get(i);
      List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
      assertEquals(String.format(Locale.ROOT, "%.4f", e.estimate()), cells.get(0).getText());
      assertEquals(String.format(Locale.ROOT, "%.4f", e.se()), cells.get(1).getText());
    }
    assertTrue(browser.findElement(By.id("random-effects")).getText()
        .contains(String.format(Locale.ROOT, "residual SD %.4f", fit.residualSd())));
    assertTrue(browser.findElement(By.id("km-median")).getText().startsWith(
        "Median sessions to reliable improvement:"));
    assertEquals(3, browser.findElements(By.cssSelector("#results figure svg")).size(),
        "growth, Kaplan-Meier and latent-class charts");
    assertClasses(file, 3, ResearchPage.DEFAULT_STARTS);
    Browser.fullPageScreenshot(browser, "research");
  }

  /** The page's latent classes equal the library's enumeration of the same file. */
  private static void assertClasses(Path file, int maxClasses, int starts) throws IOException {
    LongTable t = LongCsv.withDefaults().read(file, LongCsv.columns("id", "session", "score"));
    ClassEnumeration e = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(starts)
        .withFinalStarts(Math.max(1, starts / 5))
        .compare(t.toGrowthData(), 1, maxClasses,
            RandomSource.XO_RO_SHI_RO_128_PP.create(ClassesCommand.DEFAULT_SEED));
    assertEquals(maxClasses, e.fits().size());
    for (MixtureFit m : e.fits()) {
      assertEquals(String.format(Locale.ROOT, "%.1f", m.bic()),
          browser.findElement(By.id("bic-" + m.classes())).getText(), "BIC, K = " + m.classes());
      assertEquals(String.format(Locale.ROOT, "%.2f", m.logLik()),
          browser.findElement(By.id("loglik-" + m.classes())).getText());
    }
    MixtureFit chosen = e.selected();
    assertTrue(browser.findElement(By.id("classes-chosen")).getText()
        .contains("K = " + chosen.classes()));
    for (TrajectoryClass c : chosen.model().classes()) {
      assertEquals(String.format(Locale.ROOT, "%.1f%%", 100 * c.share()),
          browser.findElement(By.id("class-share-" + c.index())).getText());
    }
    String desc = browser.findElement(By.cssSelector("#classes-chart svg desc"))
        .getAttribute("textContent");
    assertTrue(desc.startsWith(chosen.classes() + " latent trajectory classes of PHQ-9 score"),
        desc);
  }

  @Test
  void classes_takeTheirOwnChoices_andBadStartsGetAMessage() throws IOException {
    Path file = cohortCsv("cohort-300.csv", 300);
    browser.get(server.url() + "research");
    browser.findElement(By.id("data")).sendKeys(file.toAbsolutePath().toString());
    new Select(browser.findElement(By.id("classes"))).selectByVisibleText("2");
    Browser.fill(browser, "starts", "many");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("error")).getText()
        .contains("--starts must be a finite number, was \"many\""),
        browser.findElement(By.id("error")).getText());
    browser.findElement(By.id("data")).sendKeys(file.toAbsolutePath().toString());
    Browser.fill(browser, "starts", "6");
    Browser.submit(browser);
    assertClasses(file, 2, 6);
    browser.findElement(By.id("data")).sendKeys(file.toAbsolutePath().toString());
    new Select(browser.findElement(By.id("classes"))).selectByVisibleText("none");
    Browser.submit(browser);
    assertTrue(browser.findElement(By.id("classes-none")).getText().startsWith("Not fitted"));
    assertEquals("300", browser.findElement(By.id("n-clients")).getText());
  }

  @Test
  void researchForm_worksWithTheKeyboardAlone() {
    browser.get(server.url() + "research");
    List<String> reached = Browser.tabThroughTheForm(browser, Map.of("classes", "2"));
    assertEquals(List.of("data", "id", "time", "score", "delimiter", "decimal", "instrument",
        "basis", "classes", "starts", "button"), reached, "tab order after the skip link");
    assertEquals("2", new Select(browser.findElement(By.id("classes")))
        .getFirstSelectedOption().getText());
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
    assertEquals("error", browser.switchTo().activeElement().getAttribute("id"),
        "no file chosen: the message gets the focus");
    assertTrue(browser.findElement(By.id("error")).getText().contains("--input is missing"));
  }

  @Test
  void malformedCsv_getsTheClisMessageOnThePage() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,session,score\na,0,18\na,1,seventeen\n");
    upload(server, bad);
    String page = browser.findElement(By.id("error")).getText();
    StringWriter err = new StringWriter();
    CandorCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "patterns",
        "--input", bad.toString(), "--id", "id", "--time", "session", "--score", "score",
        "--instrument", "PHQ-9");
    String cli = err.toString().strip().replace("candor: ", "").replace(bad.toString(), "");
    String detail = cli.substring(cli.indexOf("line"));
    assertTrue(page.contains(detail), "page: " + page + "\ncli: " + cli);
    Browser.screenshot(browser, "research-malformed");
    Files.writeString(bad, "client,when,value\na,0,18\n");
    upload(server, bad);
    assertTrue(browser.findElement(By.id("error")).getText().contains("id"),
        browser.findElement(By.id("error")).getText());
  }

  @Test
  void oversizedUpload_isRefusedOnThePageAndTheServerKeepsServing() throws IOException {
    Path big = cohortCsv("cohort-1000.csv", 1000);
    assertTrue(Files.size(big) > 64 * 1024);
    upload(small, big);
    String error = browser.findElement(By.id("error")).getText();
    assertTrue(error.contains("larger than this server's limit of 64 KB"), error);
    Browser.screenshot(browser, "research-too-large");
    Path ok = cohortCsv("cohort-40.csv", 40);
    upload(small, ok);
    assertEquals("40", browser.findElement(By.id("n-clients")).getText());
  }

  @Test
  void hundredThousandClients_areAnalysedAndTheTimeIsReported() throws IOException {
    Path file = cohortCsv("cohort-100000.csv", 100_000);
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long started = System.nanoTime();
    upload(server, file);
    long ms = (System.nanoTime() - started) / 1_000_000;
    long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
    String inPage = browser.findElement(By.tagName("body")).getAttribute("data-round-trip-ms");
    System.out.println("research page, 100,000 clients (" + Files.size(file) / (1 << 20)
        + " MiB, " + browser.findElement(By.id("n-rows")).getText() + " rows): " + inPage
        + " ms from submit to result in the browser, " + ms + " ms including page load; this JVM"
        + " (server and test) used " + cpuMs + " ms of CPU meanwhile; load average "
        + String.format(Locale.ROOT, "%.1f", os.getSystemLoadAverage()) + " on "
        + os.getAvailableProcessors() + " cores");
    assertEquals("100000", browser.findElement(By.id("n-clients")).getText());
    // the same upload again: the server's code is compiled by now, as for a user's second file
    long again = System.nanoTime();
    upload(server, file);
    System.out.println("research page, the same 100,000 clients again: "
        + browser.findElement(By.tagName("body")).getAttribute("data-round-trip-ms")
        + " ms from submit to result in the browser, " + (System.nanoTime() - again) / 1_000_000
        + " ms including page load");
    assertEquals("100000", browser.findElement(By.id("n-clients")).getText());
    GrowthFit fit = libraryFit(file);
    assertTrue(browser.findElement(By.id("random-effects")).getText()
        .contains(String.format(Locale.ROOT, "residual SD %.4f", fit.residualSd())));
  }
}
