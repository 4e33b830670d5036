import type { Features, FeaturesContext } from '../features/types';

/** Loads the features chunk; replaced in tests. */
export type FeaturesLoader = () => Promise<{ startFeatures(ctx: FeaturesContext): Features }>;

/** The real loader: a dynamic import, so bundlers emit the features as a chunk of their own. */
export const importFeatures: FeaturesLoader = () => import('../features/features');
