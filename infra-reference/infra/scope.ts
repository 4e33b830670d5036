import type { StageConfig } from './config';
import { baseTags, type FunctionalTags, tagTransformation } from './tags';

/** What every component file receives. */
export interface Ctx {
  cfg: StageConfig;
  /** Project/Environment/ManagedBy/CostCenter/Owner of this stage. */
  base: Record<string, string>;
}

export function makeCtx(cfg: StageConfig): Ctx {
  return { cfg, base: baseTags(cfg.stage, cfg.owner) };
}

/**
 * A parent for one component's resources. Its tag transformation is inherited by every resource created under it
 * (SST components pass `parent` down), which is how the Resource Tagging Schema is applied from one place.
 */
export function scope(
  ctx: Ctx,
  name: string,
  tags: FunctionalTags,
  parent?: $util.Resource,
): $util.ComponentResource {
  return new $util.ComponentResource(
    `usermetrics:component:${name}`,
    name,
    {},
    {
      parent,
      transformations: [
        tagTransformation({ ...ctx.base, ...tags }) as unknown as $util.ResourceTransformation,
      ],
    },
  );
}
