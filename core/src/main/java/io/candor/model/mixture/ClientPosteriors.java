package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.List;

/**
 * The class probabilities of every client of a data set under fitted trajectory classes, in the
 * data's client order.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientPosteriors {

  private final List<String> clients;
  private final int k;
  private final double[] tau; // clients * k

  ClientPosteriors(List<String> clients, int k, double[] tau) {
    this.clients = clients;
    this.k = k;
    this.tau = tau;
  }

  /** {@return the client ids, in the data's first-seen order} */
  public List<String> clients() {
    return clients;
  }

  /** {@return the number of classes} */
  public int classes() {
    return k;
  }

  /**
   * The probability that a client belongs to a class.
   *
   * @param client the client's position in {@link #clients()} (0-based)
   * @param classIndex the class, 1..K
   * @return the posterior probability
   */
  public double probability(int client, int classIndex) {
    Checks.inRange("client", client, 0, clients.size() - 1);
    Checks.inRange("classIndex", classIndex, 1, k);
    return tau[client * k + classIndex - 1];
  }

  /**
   * A client's posterior probabilities, class 1 first.
   *
   * @param client the client's position in {@link #clients()} (0-based)
   * @return the probabilities (a copy)
   */
  public double[] probabilities(int client) {
    Checks.inRange("client", client, 0, clients.size() - 1);
    return java.util.Arrays.copyOfRange(tau, client * k, client * k + k);
  }

  /**
   * A client's most likely class.
   *
   * @param client the client's position in {@link #clients()} (0-based)
   * @return the class, 1..K (the lowest on a tie)
   */
  public int mostLikely(int client) {
    Checks.inRange("client", client, 0, clients.size() - 1);
    return modal(tau, client, k) + 1;
  }

  static int modal(double[] tau, int client, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (tau[client * k + j] > tau[client * k + best]) {
        best = j;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "ClientPosteriors[" + clients.size() + " clients, " + k + " classes]";
  }
}
