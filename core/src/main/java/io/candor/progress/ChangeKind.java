package io.candor.progress;

/** Whether a sudden change is an improvement (gain) or a deterioration (loss). */
public enum ChangeKind {
  /** A sudden improvement: a fall on a symptom scale, a rise on a wellbeing scale. */
  GAIN,
  /** A sudden deterioration: a rise on a symptom scale, a fall on a wellbeing scale. */
  LOSS
}
