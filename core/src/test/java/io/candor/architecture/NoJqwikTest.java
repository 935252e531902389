package io.candor.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Candor does not use jqwik in any version: its maintainer asks that it not be used by coding
 * agents (see README). This keeps it off the test class path, where a transitive dependency could
 * otherwise bring it in unnoticed.
 */
class NoJqwikTest {

  @Test
  void jqwikIsNotOnTheClassPath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("net.jqwik.api.Arbitrary"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("net.jqwik.engine.JqwikTestEngine"));
  }
}
