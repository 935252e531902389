package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Same input, same bytes; every SVG is well-formed and labelled for assistive technology. */
class ChartDeterminismTest {

  private static List<Supplier<Chart>> charts() {
    return List.of(
        () -> TrajectoryChart.withDefaults().draw(Fixtures.curve(), 20, Fixtures.SESSIONS,
            Fixtures.SCORES),
        () -> KaplanMeierChart.withDefaults().draw(Fixtures.strata()),
        () -> DoseEffectChart.withDefaults().draw(
            io.candor.model.dose.DoseEffect.withDefaults().fit(
                io.candor.model.dose.DoseEffectExamples.howard1986())),
        () -> IconArrayChart.withDefaults().draw(Fixtures.icons()),
        () -> ClassCurvesChart.withDefaults().draw(Fixtures.classes(),
            io.candor.model.DataRange.of(0, 12)));
  }

  @Test
  void output_doesNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      List<String> root = new ArrayList<>();
      List<byte[]> rootPng = new ArrayList<>();
      Locale.setDefault(Locale.ROOT);
      for (Supplier<Chart> c : charts()) {
        root.add(c.get().toSvg());
        rootPng.add(c.get().toPng());
      }
      // Swedish uses U+2212 as its minus sign, Persian its own digits, German a decimal comma
      for (String tag : List.of("sv-SE", "fa-IR", "de-DE", "ar-EG")) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        for (int i = 0; i < root.size(); i++) {
          assertEquals(root.get(i), charts().get(i).get().toSvg(), tag + " chart " + i);
          assertArrayEquals(rootPng.get(i), charts().get(i).get().toPng(), tag + " chart " + i);
        }
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void concurrentRenderings_giveTheSameBytes() throws Exception {
    Chart chart = charts().get(1).get();
    String svg = chart.toSvg();
    byte[] png = chart.toPng();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        same.add(pool.submit(() -> svg.equals(chart.toSvg())
            && java.util.Arrays.equals(png, chart.toPng())));
      }
      for (Future<Boolean> f : same) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void everySvg_isWellFormedWithTitleDescriptionAndRole() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    for (Supplier<Chart> s : charts()) {
      Chart c = s.get();
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(
          c.toSvg().getBytes(StandardCharsets.UTF_8)));
      var svg = doc.getDocumentElement();
      assertEquals("img", svg.getAttribute("role"));
      String[] ids = svg.getAttribute("aria-labelledby").split(" ");
      assertEquals(2, ids.length);
      assertEquals(c.title(), doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
          .item(0).getTextContent());
      assertEquals(c.description(), doc.getElementsByTagNameNS("http://www.w3.org/2000/svg",
          "desc").item(0).getTextContent());
      assertTrue(ids[0].endsWith("-title") && ids[1].endsWith("-desc"));
    }
  }

  @Test
  void distinctCharts_getDistinctIds() {
    String a = charts().get(0).get().toSvgElement();
    String b = charts().get(1).get().toSvgElement();
    String idA = a.substring(a.indexOf("<title id='") + 11, a.indexOf("-title'>"));
    String idB = b.substring(b.indexOf("<title id='") + 11, b.indexOf("-title'>"));
    assertTrue(!idA.equals(idB), idA + " vs " + idB);
    assertTrue(!b.contains(idA), "no id of one chart appears in the other");
  }

  @Test
  void png_carriesTitleAndDescription() {
    Chart c = charts().get(3).get();
    String text = new String(c.toPng(), StandardCharsets.ISO_8859_1);
    assertTrue(text.contains("iTXtTitle"), "an iTXt Title chunk");
    assertTrue(text.contains("Description"), "an iTXt Description chunk");
  }
}
