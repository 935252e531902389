package io.candor.model.mixture;

/**
 * How the number of classes is chosen from fits with K = 1..Kmax: the lowest value of an
 * information criterion. With ℓ the log-likelihood, P the parameter count, N the number of
 * clients and n the number of observations (rows):
 */
public enum SelectionCriterion {
  /** AIC = −2ℓ + 2P (Akaike 1974). */
  AIC,
  /**
   * BIC = −2ℓ + P log N, with N the number of clients (Schwarz 1978): the clients, not the rows,
   * are the independent units. The default; it performed best among the information criteria
   * in Nylund, Asparouhov &amp; Muthén's (2007) simulations.
   */
  BIC,
  /** −2ℓ + P log n with n the number of rows: the BIC that flexmix prints (Grün &amp; Leisch 2008). */
  BIC_ROWS,
  /** Sample-size-adjusted BIC = −2ℓ + P log((N + 2) / 24) (Sclove 1987). */
  SABIC,
  /**
   * ICL = BIC − 2 Σ_i log τ_i,ĉ(i): BIC plus a penalty for uncertain classification, with τ the
   * posterior of each client's most likely class (Biernacki, Celeux &amp; Govaert 2000).
   */
  ICL
}
