package io.candor.json;

import io.candor.model.growth.Boundary;
import io.candor.model.growth.FixedEffect;
import io.candor.model.growth.GrowthFit;
import io.candor.progress.ExpectedResponseModel;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for growth-model fits and expected-response models.
 *
 * <p>A fit is written with the fields {@code method}, {@code nClients}, {@code nObservations},
 * {@code fixedEffects} (a list of {@code {term, estimate, se}}), {@code randomEffects}
 * ({@code {interceptSd, slopeSd, correlation}}; the last two null for a random-intercept model),
 * {@code residualSd}, {@code logLik}, {@code remlCriterion} (REML fits only), {@code aic},
 * {@code bic}, {@code converged}, {@code iterations}, {@code boundary} (list of
 * {@link Boundary} names) and {@code model} (the {@link ExpectedResponseModel}, enough to compute
 * expected-response curves later).
 *
 * <pre>{@code
 * String json = GrowthJson.write(fit);
 * ExpectedResponseModel model = GrowthJson.readModel(json);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class GrowthJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private GrowthJson() {}

  /** The fit as a JSON tree. */
  static ObjectNode toTree(GrowthFit fit) {
    Objects.requireNonNull(fit, "fit");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("method", fit.estimation().name());
    root.put("nClients", fit.clients());
    root.put("nObservations", fit.observations());
    ArrayNode fe = root.putArray("fixedEffects");
    for (FixedEffect f : fit.fixedEffects()) {
      ObjectNode o = fe.addObject();
      o.put("term", f.term());
      o.put("estimate", f.estimate());
      o.put("se", f.se());
    }
    ObjectNode re = root.putObject("randomEffects");
    re.put("interceptSd", fit.interceptSd());
    if (fit.slopeSd().isPresent()) {
      re.put("slopeSd", fit.slopeSd().getAsDouble());
    } else {
      re.putNull("slopeSd");
    }
    if (fit.correlation().isPresent()) {
      re.put("correlation", fit.correlation().getAsDouble());
    } else {
      re.putNull("correlation");
    }
    root.put("residualSd", fit.residualSd());
    root.put("logLik", fit.logLik());
    if (fit.remlCriterion().isPresent()) {
      root.put("remlCriterion", fit.remlCriterion().getAsDouble());
    }
    root.put("aic", fit.aic());
    root.put("bic", fit.bic());
    root.put("converged", fit.convergence().converged());
    root.put("iterations", fit.convergence().iterations());
    ArrayNode b = root.putArray("boundary");
    for (Boundary x : fit.boundary()) {
      b.add(x.name());
    }
    root.set("model", MAPPER.valueToTree(ExpectedResponseModel.from(fit)));
    return root;
  }

  /**
   * The fit as pretty-printed JSON text.
   *
   * @param fit the fit
   * @return the fit as pretty-printed JSON text
   */
  public static String write(GrowthFit fit) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(fit));
  }

  /**
   * An expected-response model as JSON text.
   *
   * @param model the model
   * @return an expected-response model as JSON text
   */
  public static String write(ExpectedResponseModel model) {
    Objects.requireNonNull(model, "model");
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model);
  }

  /**
   * Reads an expected-response model from JSON written by {@link #write(GrowthFit)} (its
   * {@code model} field) or by {@link #write(ExpectedResponseModel)} (a bare model).
   *
   * @param json the JSON text
   * @param source names the text in messages (e.g. a file name)
   * @return the model
   * @throws IllegalArgumentException if the text is not such JSON or the model is invalid
   */
  public static ExpectedResponseModel readModel(String json, String source) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    try {
      JsonNode root = MAPPER.readTree(json);
      JsonNode node = root.has("model") ? root.get("model") : root;
      return MAPPER.treeToValue(node, ExpectedResponseModel.class);
    } catch (JacksonException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)
          && !(cause instanceof NullPointerException)) {
        cause = cause.getCause();
      }
      if (cause instanceof NullPointerException && cause.getMessage() != null) {
        // the record's requireNonNull(x, "name") names the component that was absent
        throw new IllegalArgumentException(source + " is not a growth model written by Candor:"
            + " field \"" + cause.getMessage() + "\" is missing", e);
      }
      String path = e.getPathReference();
      String field = path == null || path.isEmpty() ? "" : " (at " + path.replaceAll(".*\\[\"|\"\\]", "") + ")";
      String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new IllegalArgumentException(source + " is not a growth model written by Candor"
          + field + ": " + detail, e);
    }
  }
}
