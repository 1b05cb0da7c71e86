import type { LinearModel } from './keyphrases';

// Written by bench/keyphrase-weights.ts --write (logistic regression over FEATURE_NAMES, fitted on the
// 156 DUC-2001 development documents; 5-fold cross-validated F1@5 29.1, F1@10 33.1). Do not edit by hand.
export const KEYPHRASE_MODEL: LinearModel = {
  mean: [0.8021, 0.9091, 1.0683, 1.1296, 0.9269, 0.4667, 2.6522, 0.0299, 0.0713, 0.5476, 0.3265, 0.0884, 0.0375, 0.2373, 0.3339, 0.0558, 1.0091, 0.7665, 0.5924, 0.213],
  scale: [0.2903, 0.4275, 0.5632, 0.5627, 0.4387, 0.2947, 1.0292, 0.1703, 0.2264, 0.4977, 0.4689, 0.2839, 0.1899, 0.4254, 0.4716, 0.2295, 0.7885, 0.577, 0.4557, 0.4748],
  weights: [0.1695, -0.041, 0.0503, 0.2288, 0.1704, -0.1296, -0.7159, -0.3109, 0.0541, -0.2589, 0.2644, 0.0679, -0.0759, 0.0254, -0.0384, 0.1819, 0.2229, 0.0983, 0.0783, -0.3409],
  bias: -3.8727,
};
