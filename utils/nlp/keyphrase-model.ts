import type { LinearModel } from './keyphrases';

// Written by bench/keyphrase-weights.ts --write (logistic regression over FEATURE_NAMES, fitted on the
// 156 DUC-2001 development documents; 5-fold cross-validated F1@5 29.3, F1@10 33.1). Do not edit by hand.
export const KEYPHRASE_MODEL: LinearModel = {
  mean: [0.803, 0.9099, 1.0697, 1.1297, 0.928, 0.4666, 2.652, 0.03, 0.0714, 0.549, 0.3257, 0.0881, 0.0372, 0.2382, 0.3343, 0.0558, 1.0074, 0.7657, 0.5926, 0.213],
  scale: [0.2914, 0.428, 0.5639, 0.5628, 0.4395, 0.2946, 1.0293, 0.1705, 0.2265, 0.4976, 0.4686, 0.2834, 0.1892, 0.426, 0.4717, 0.2295, 0.7872, 0.5763, 0.4556, 0.4747],
  weights: [0.1675, -0.0375, 0.0418, 0.2336, 0.1694, -0.1196, -0.7206, -0.3105, 0.0501, -0.2577, 0.2644, 0.0653, -0.075, 0.0173, -0.0361, 0.181, 0.2239, 0.1, 0.0824, -0.3455],
  bias: -3.8665,
};
