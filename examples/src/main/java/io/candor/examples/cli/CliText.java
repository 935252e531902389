package io.candor.examples.cli;

/** Small text helpers shared by the subcommands. */
final class CliText {

  private CliText() {}

  /** A number without a trailing ".0" when it is whole (10, 2.91). */
  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
