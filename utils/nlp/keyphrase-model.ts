import type { LinearModel } from './keyphrases';

// Written by bench/keyphrase-weights.ts --write (logistic regression over FEATURE_NAMES, fitted on the
// 156 DUC-2001 development documents; 5-fold cross-validated F1@5 31.0, F1@10 34.9). Do not edit by hand.
export const KEYPHRASE_MODEL: LinearModel = {
  mean: [0.8052, 0.9092, 1.0674, 1.1181, 0.9266, 0.4661, 2.65, 0.0305, 0.0697, 0.5581, 0.3234, 0.0846, 0.034, 0.2398, 0.3237, 0.0568, 0.9881, 0.7552, 0.5916, 0.2068],
  scale: [0.2943, 0.4251, 0.5631, 0.5563, 0.4386, 0.2948, 1.0313, 0.1718, 0.2254, 0.4966, 0.4678, 0.2783, 0.1812, 0.427, 0.4679, 0.2315, 0.7727, 0.5695, 0.455, 0.4661],
  weights: [0.162, -0.033, 0.0169, 0.2509, 0.1911, -0.1066, -0.7241, -0.3173, 0.0526, -0.2596, 0.2617, 0.0675, -0.0677, -0.0309, 0.0214, 0.1778, 0.2265, 0.0978, 0.0841, -0.3927],
  bias: -3.8734,
};
