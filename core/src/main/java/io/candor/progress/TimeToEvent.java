package io.candor.progress;

import io.candor.domain.ClientId;
import io.candor.internal.Checks;
import java.util.Objects;

/**
 * One client's time to an event: the session at which it happened, or the last observed session
 * when it did not (censored).
 *
 * @param client the client
 * @param time session number of the event or of censoring, 0 or more
 * @param event true if the event happened at {@code time}, false if censored there
 */
public record TimeToEvent(ClientId client, int time, boolean event) {

  /**
   * Validates.
   *
   * @param client the client
   * @param time session number of the event or of censoring, 0 or more
   * @param event true if the event happened at {@code time}, false if censored there
   */
  public TimeToEvent {
    Objects.requireNonNull(client, "client");
    Checks.atLeast("time", time, 0);
  }
}
