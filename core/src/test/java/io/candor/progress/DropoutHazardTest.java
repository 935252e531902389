package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DropoutHazardTest {

  private static final int[] SESSIONS = {1, 2, 4};
  private static final int[] AT_RISK = {10, 8, 5};
  private static final int[] DROPOUTS = {2, 0, 5};

  @Test
  void ofCounts_keepsTheTable_andItsHazardsAreDropoutsOverAtRisk() {
    DropoutHazard h = DropoutHazard.ofCounts("women", SESSIONS, AT_RISK, DROPOUTS);
    assertEquals("women", h.group());
    assertEquals(3, h.size());
    assertArrayEquals(SESSIONS, h.sessions());
    assertArrayEquals(AT_RISK, h.atRisk());
    assertArrayEquals(DROPOUTS, h.dropouts());
    assertArrayEquals(new double[] {0.2, 0, 1}, h.hazard(), 0);
    assertEquals(0.2, h.hazardAt(1), 0);
    assertEquals(0, h.hazardAt(3), 0, "no row for session 3");
    assertEquals(7, h.totalDropouts());
    assertEquals("women: 1=2/10 2=0/8 4=5/5", h.toString());
    assertEquals(0, DropoutHazard.ofCounts("x", new int[] {1}, new int[] {0}, new int[] {0})
        .hazardAt(1), 0, "nobody at risk");
  }

  @Test
  void tables_areValues() {
    DropoutHazard a = DropoutHazard.ofCounts("all", SESSIONS, AT_RISK, DROPOUTS);
    DropoutHazard b = DropoutHazard.ofCounts("all", SESSIONS.clone(), AT_RISK.clone(),
        DROPOUTS.clone());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    for (DropoutHazard other : new DropoutHazard[] {
        DropoutHazard.ofCounts("men", SESSIONS, AT_RISK, DROPOUTS),
        DropoutHazard.ofCounts("all", new int[] {1, 2, 5}, AT_RISK, DROPOUTS),
        DropoutHazard.ofCounts("all", SESSIONS, new int[] {10, 8, 6}, DROPOUTS),
        DropoutHazard.ofCounts("all", SESSIONS, AT_RISK, new int[] {2, 1, 5})}) {
      assertNotEquals(a, other, other.toString());
      assertNotEquals(a.hashCode(), other.hashCode(), other.toString());
    }
    assertNotEquals(a, "all: 1=2/10 2=0/8 4=5/5");
  }

  @Test
  void ofCounts_refusesImpossibleTables_namingTheSession() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DropoutHazard.ofCounts("all", new int[] {1, 1}, new int[] {3, 3}, new int[] {0, 0}));
    assertEquals("sessions must be strictly increasing; 1 follows 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DropoutHazard.ofCounts("all", new int[] {1, 2}, new int[] {3, 3}, new int[] {0, 4}));
    assertTrue(e.getMessage().contains("dropouts at session 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DropoutHazard.ofCounts("all", new int[] {1, 2}, new int[] {3, -1}, new int[] {0, 0}));
    assertTrue(e.getMessage().contains("atRisk at session 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DropoutHazard.ofCounts("all", new int[] {1, 2}, new int[] {3}, new int[] {0, 0}));
    assertTrue(e.getMessage().contains("were 2, 1 and 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> DropoutHazard.ofCounts("all", new int[] {1}, new int[] {3}, new int[] {0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> DropoutHazard.ofCounts(" ", SESSIONS, AT_RISK, DROPOUTS));
    assertEquals(3, DropoutHazard.ofCounts("all", new int[] {1}, new int[] {3}, new int[] {3})
        .totalDropouts(), "everyone at risk may drop out");
  }

  @Test
  void fromEpisodes_countsClientsInTreatmentAtEachSession() {
    // three clients: sessions 1-3 (dropped), 2-4 (finished), 6-6 (dropped); nobody at 5
    DropoutHazard h = DropoutHazard.of("all", new int[] {1, 2, 6}, new int[] {3, 4, 6},
        new boolean[] {true, false, true});
    assertArrayEquals(new int[] {1, 2, 3, 4, 6}, h.sessions());
    assertArrayEquals(new int[] {1, 2, 2, 1, 1}, h.atRisk());
    assertArrayEquals(new int[] {0, 0, 1, 0, 1}, h.dropouts());
    assertEquals(0, DropoutHazard.of("all", new int[0], new int[0], new boolean[0]).size());
  }
}
