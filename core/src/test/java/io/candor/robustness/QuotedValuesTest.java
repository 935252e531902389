package io.candor.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.candor.domain.Condition;
import io.candor.domain.Course;
import io.candor.evidence.Citation;
import io.candor.measure.MultiScaleInstruments;
import io.candor.model.survival.EventTime;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.LogRank;
import io.candor.model.therapist.FunnelOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Messages that name the user's own text quote it: a line break or tab in a name, id or code is
 * written as its escape, so the message stays on one line (the CLI fuzz target found an
 * instrument id with a tab shown raw).
 */
class QuotedValuesTest {

  private static String refused(Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    Refusals.check(e);
    return e.getMessage();
  }

  @Test
  void idsAndNamesWithControlCharacters_areQuotedWithTheirEscapes() {
    assertEquals("unknown multi-scale instrument \"\\u0009at OL-5\"; known: ProQOL-5, CBI, STSS,"
        + " MBI-HSS", refused(() -> MultiScaleInstruments.byId("\tat OL-5")));
    assertEquals("ProQOL-5 has no scale \"burn\\u000aout\"; its scales are CS, BO, STS",
        refused(() -> MultiScaleInstruments.byId("ProQOL-5").scale("burn\nout")));
    assertEquals("outcome must be one of recovery, reliable-improvement, deterioration; was"
        + " \"re\\u000acovery\"", refused(() -> FunnelOutcome.parse("re\ncovery")));
    assertEquals("outcome must be one of recovery, reliable-improvement, deterioration; was null",
        refused(() -> FunnelOutcome.parse(null)));
    assertEquals("icd11Code must look like an ICD-11 code such as 6A70 or 6A71.1, was"
        + " \"6A70\\u000d\"", refused(() -> Condition.of("x", Course.CHRONIC).withIcd11Code("6A70\r")));
    assertEquals("key may hold only letters, digits, '-' and '_', was \"a\\u000ab\"",
        refused(() -> new Citation("a\nb", "A", 2000, "T", "W", Optional.empty())));
  }

  @Test
  void survivalGroupsAndStrata_areQuoted() {
    Map<String, List<EventTime>> groups = new LinkedHashMap<>();
    groups.put("wait\nlist", List.of());
    groups.put("treated", List.of(EventTime.event(2)));
    assertEquals("group \"wait\\u000alist\" must not be empty",
        refused(() -> KaplanMeier.withDefaults().fitStrata(groups)));
    assertEquals("group \"wait\\u000alist\" must not be empty", refused(() -> LogRank.test(groups)));
    assertEquals("group[0] must not be blank, was \" \\u0009 \"",
        refused(() -> KaplanMeier.withDefaults().fitStrata(List.of(" \t "), new double[] {1},
            new boolean[] {true})));
    groups.put("wait\nlist", List.of(EventTime.censored(3)));
    assertEquals("no stratum named \"a\\u000ab\"; strata are [\"wait\\u000alist\", \"treated\"]",
        refused(() -> KaplanMeier.withDefaults().fitStrata(groups).stratum("a\nb")));
  }
}
