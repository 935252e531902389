package io.candor.examples.cli;

/** Small text helpers shared by the subcommands. */
final class CliText {

  private CliText() {}

  /** A number without a trailing ".0" when it is whole (10, 2.91). */
  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** A count with its noun in the right number: "1 client", "2 clients", "0 clients". */
  static String count(long n, String singular) {
    return count(n, singular, singular + "s");
  }

  /** A count with its noun in the right number: "1 loss", "3 losses". */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
