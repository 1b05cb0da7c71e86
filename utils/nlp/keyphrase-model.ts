import type { LinearModel } from './keyphrases';

// Written by bench/keyphrase-weights.ts --write (logistic regression over FEATURE_NAMES, fitted on the
// 156 DUC-2001 development documents; 5-fold cross-validated F1@5 29.1, F1@10 33.8). Do not edit by hand.
export const KEYPHRASE_MODEL: LinearModel = {
  mean: [0.7877, 0.8775, 1.0677, 1.1306, 0.9262, 0.4699, 2.6692, 0.0276, 0.072, 0.5457, 0.327, 0.0896, 0.0376, 0.2076, 0.3121, 0.0583, 1.01, 0.7663, 0.5904, 0.1763],
  scale: [0.2657, 0.3976, 0.5643, 0.5637, 0.4389, 0.2936, 1.0204, 0.1638, 0.2275, 0.4979, 0.4691, 0.2856, 0.1902, 0.4056, 0.4633, 0.2343, 0.7924, 0.5802, 0.4567, 0.4415],
  weights: [0.1224, -0.0135, 0.0391, 0.2316, 0.1768, -0.12, -0.7439, -0.3549, 0.0617, -0.2649, 0.2691, 0.0721, -0.0785, 0.0703, -0.041, 0.1828, 0.2284, 0.0985, 0.08, -0.2891],
  bias: -3.8496,
};
