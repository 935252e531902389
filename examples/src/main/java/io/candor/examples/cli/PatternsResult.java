package io.candor.examples.cli;

import io.candor.domain.ClientId;
import io.candor.progress.EarlyResponse;
import io.candor.progress.Plateau;
import io.candor.progress.Relapse;
import io.candor.progress.SuddenChange;
import io.candor.progress.SuddenChangeSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code candor patterns} writes with {@code --json}: the criteria, a summary of sudden gains
 * and of sudden losses (first change per client), and every client's patterns.
 *
 * @param instrument the instrument's id
 * @param criteria the sudden-gain criteria in force, in words
 * @param gains the summary of sudden gains
 * @param losses the summary of sudden losses
 * @param clients each client's patterns, in input order
 */
public record PatternsResult(
    String instrument,
    String criteria,
    SuddenChangeSummary gains,
    SuddenChangeSummary losses,
    List<Client> clients) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument's id
   * @param criteria the sudden-gain criteria in force, in words
   * @param gains the summary of sudden gains
   * @param losses the summary of sudden losses
   * @param clients each client's patterns, in input order
   */
  public PatternsResult {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(gains, "gains");
    Objects.requireNonNull(losses, "losses");
    clients = List.copyOf(clients);
  }

  /**
   * One client's patterns.
   *
   * @param client the client
   * @param observations observed sessions in the analysed window
   * @param gains the client's sudden gains
   * @param losses the client's sudden losses
   * @param earlyResponse early response, when the client has a score at the judged session
   * @param plateaus plateaus in the clinical range; empty when the instrument has no caseness
   *     cutoff
   * @param relapse the first relapse after recovery, if any (never for instruments without a
   *     caseness cutoff)
   */
  public record Client(
      ClientId client,
      int observations,
      List<SuddenChange> gains,
      List<SuddenChange> losses,
      Optional<EarlyResponse> earlyResponse,
      Optional<List<Plateau>> plateaus,
      Optional<Relapse> relapse) {

    /**
     * Validates the components.
     *
     * @param client the client
     * @param observations observed sessions in the analysed window
     * @param gains the client's sudden gains
     * @param losses the client's sudden losses
     * @param earlyResponse early response, when the client has a score at the judged session
     * @param plateaus plateaus in the clinical range; empty when the instrument has no caseness
     *     cutoff
     * @param relapse the first relapse after recovery, if any (never for instruments without a
     *     caseness cutoff)
     */
    public Client {
      Objects.requireNonNull(client, "client");
      gains = List.copyOf(gains);
      losses = List.copyOf(losses);
      Objects.requireNonNull(earlyResponse, "earlyResponse");
      Objects.requireNonNull(plateaus, "plateaus");
      Objects.requireNonNull(relapse, "relapse");
    }
  }
}
