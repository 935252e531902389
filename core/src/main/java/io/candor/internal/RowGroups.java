package io.candor.internal;

import java.util.Arrays;

/**
 * Rows grouped by client with a counting sort, given each row's client index: the rows of client
 * {@code c} are {@code order[start[c]] .. order[start[c + 1] - 1]}, in row order. Linear time, two
 * {@code int} arrays, no hashing; the long-format reader, {@code LongTable} and {@code GrowthData}
 * all group this way.
 *
 * <p>Not part of the API (the package is not exported).
 *
 * @param start {@code clients + 1} offsets into {@code order}
 * @param order row numbers, client by client
 */
public record RowGroups(int[] start, int[] order) {

  /**
   * Groups the rows.
   *
   * @param clientOf each row's client index, each in {@code [0, clients)}
   * @param clients the number of clients
   * @return the groups
   */
  public static RowGroups of(int[] clientOf, int clients) {
    int n = clientOf.length;
    int[] start = new int[clients + 1];
    for (int i = 0; i < n; i++) {
      start[clientOf[i] + 1]++;
    }
    for (int c = 0; c < clients; c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, clients);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[clientOf[i]]++] = i;
    }
    return new RowGroups(start, order);
  }
}
