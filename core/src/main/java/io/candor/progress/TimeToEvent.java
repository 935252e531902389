package io.candor.progress;

import io.candor.domain.ClientId;
import java.util.Objects;

/**
 * One client's time to an event: the session at which it happened, or the last observed session
 * when it did not (censored).
 *
 * @param client the client
 * @param time session number of the event or of censoring
 * @param event true if the event happened at {@code time}, false if censored there
 */
public record TimeToEvent(ClientId client, int time, boolean event) {

  /** Validates. */
  public TimeToEvent {
    Objects.requireNonNull(client, "client");
  }
}
