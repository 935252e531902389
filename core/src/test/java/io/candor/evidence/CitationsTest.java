package io.candor.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {

  @Test
  void keysAreUniqueAndLookedUp() {
    List<Citation> all = Citations.all();
    assertEquals(all.size(), all.stream().map(Citation::key).distinct().count());
    for (Citation c : all) {
      assertEquals(c, Citations.byKey(c.key()).orElseThrow());
    }
    assertTrue(Citations.byKey("nobody").isEmpty());
  }

  @Test
  void everyInstrumentFigureCitesABibliographyEntry() {
    for (Instrument i : Instruments.all()) {
      List<Sourced> figures = new ArrayList<>();
      figures.add(i.reliability());
      i.casenessCutoff().ifPresent(figures::add);
      i.reliableChange().ifPresent(figures::add);
      i.bandsSource().ifPresent(figures::add);
      i.clinicalNorms().ifPresent(n -> figures.addAll(List.of(n.mean(), n.sd())));
      i.functionalNorms().ifPresent(n -> figures.addAll(List.of(n.mean(), n.sd())));
      for (Sourced s : figures) {
        assertTrue(Citations.all().contains(s.source()), i.id() + " cites " + s.source().key());
        assertTrue(!s.note().isBlank(), i.id() + " figure " + s.value() + " has no note");
      }
    }
  }

  @Test
  void citationAndSourced_validate() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Citation.of("bad key", "A", 2000, "T", "W")).getMessage().contains("bad key"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Citation.of("k", "A", 1700, "T", "W")).getMessage().contains("year"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Sourced.primary(Double.NaN, Citations.KROENKE_2001, "")).getMessage().contains("NaN"));
  }

  @Test
  void shortForm_isAuthorYear() {
    assertEquals("Kroenke et al. 2001", Citations.KROENKE_2001.shortForm());
    assertEquals("Andrews & Slade 2001", Citations.ANDREWS_2001.shortForm());
    assertEquals("Hsu 1989", Citations.HSU_1989.shortForm());
    assertEquals("National Collaborating Centre for Mental Health 2024",
        Citations.NHS_TALKING_THERAPIES_2024.shortForm());
  }

  @Test
  void all_isEveryCitationSortedByKey_whateverOrderReflectionGivesTheFields() throws Exception {
    List<Citation> declared = new ArrayList<>();
    for (java.lang.reflect.Field f : Citations.class.getFields()) {
      if (f.getType() == Citation.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        declared.add((Citation) f.get(null));
      }
    }
    List<Citation> all = Citations.all();
    assertEquals(declared.size(), all.size());
    assertTrue(all.containsAll(declared));
    List<String> keys = all.stream().map(Citation::key).toList();
    assertEquals(keys.stream().sorted().toList(), keys, "sorted by key");
    assertEquals(all, Citations.all(), "the same list every time");
  }
}
