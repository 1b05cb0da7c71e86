import type { LinearModel } from './keyphrases';

// Written by bench/keyphrase-weights.ts --write (logistic regression over FEATURE_NAMES, fitted on the
// 156 DUC-2001 development documents; 5-fold cross-validated F1@5 28.8, F1@10 33.2). Do not edit by hand.
export const KEYPHRASE_MODEL: LinearModel = {
  mean: [0.8027, 0.91, 1.0691, 1.1299, 0.9275, 0.4664, 2.6507, 0.0301, 0.0715, 0.547, 0.3269, 0.0886, 0.0376, 0.2396, 0.3362, 0.0563, 1.0083, 0.7657, 0.5921, 0.2136],
  scale: [0.2913, 0.4282, 0.5631, 0.562, 0.4391, 0.2946, 1.03, 0.171, 0.2268, 0.4978, 0.4691, 0.2841, 0.1903, 0.4268, 0.4724, 0.2305, 0.788, 0.5769, 0.4563, 0.4752],
  weights: [0.1691, -0.0397, 0.0475, 0.2323, 0.1759, -0.1322, -0.716, -0.3132, 0.0556, -0.2602, 0.2635, 0.0712, -0.0751, 0.0254, -0.0408, 0.1815, 0.2204, 0.095, 0.0788, -0.3475],
  bias: -3.867,
};
