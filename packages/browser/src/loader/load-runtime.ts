import type { Runtime, RuntimeContext } from '../runtime/types';

/** Loads the runtime chunk; replaced in tests. */
export type RuntimeLoader = () => Promise<{ startRuntime(ctx: RuntimeContext): Runtime }>;

/** The real loader: a dynamic import, so bundlers emit the runtime as a chunk of its own. */
export const importRuntime: RuntimeLoader = () => import('../runtime/start-runtime');
