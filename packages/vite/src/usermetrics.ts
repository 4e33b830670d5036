import { isAbsolute, join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { moveSourceMaps } from './move-source-maps';
import { resolveRelease } from './resolve-release';
import type { UsermetricsViteOptions } from './types';
import { uploadSourceMaps } from './upload-source-maps';

/** The `import.meta.env` keys the plugin defines for the app. */
export const ENV_KEYS = {
  release: 'VITE_USERMETRICS_RELEASE',
  environment: 'VITE_USERMETRICS_ENVIRONMENT',
} as const;

/**
 * Vite plugin for usermetrics. In `vite build` it
 * - defines `import.meta.env.VITE_USERMETRICS_RELEASE` (the release) and `import.meta.env.VITE_USERMETRICS_ENVIRONMENT`
 *   (Vite's `mode`) for `createTracker({ release, environment })`;
 * - makes the build emit hidden source maps (no `sourceMappingURL` comment) and moves them out of the public
 *   output into `<outDir>/../.usermetrics/sourcemaps/<release>/`, never served;
 * - with `upload`, puts them in your private S3 bucket, failing the build if that fails.
 *
 * In `vite serve` it does nothing at all.
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [react(), usermetrics({ upload: { bucket: 'my-app-sourcemaps' } })] });
 * // main.tsx
 * createTracker({
 *   endpoint: 'https://api.example.com',
 *   release: import.meta.env.VITE_USERMETRICS_RELEASE,
 *   environment: import.meta.env.VITE_USERMETRICS_ENVIRONMENT,
 * });
 */
export function usermetrics(options: UsermetricsViteOptions = {}): Plugin {
  let release = '';
  let config: ResolvedConfig | undefined;
  return {
    name: 'usermetrics',
    apply: 'build',
    config(user, env) {
      const root = resolve(user.root ?? process.cwd());
      release = resolveRelease(options.release, root);
      if (user.build?.sourcemap === true || user.build?.sourcemap === 'inline') {
        console.warn(
          `[usermetrics] build.sourcemap: ${JSON.stringify(user.build.sourcemap)} would publish your source maps; ` +
            'using "hidden" and moving them out of the output instead.',
        );
      }
      return {
        build: { sourcemap: 'hidden' },
        define: {
          [`import.meta.env.${ENV_KEYS.release}`]: JSON.stringify(release),
          [`import.meta.env.${ENV_KEYS.environment}`]: JSON.stringify(env.mode),
        },
      };
    },
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(output, bundle) {
      if (!config || !output.dir) return;
      const maps = new Set<string>();
      for (const [fileName, item] of Object.entries(bundle)) {
        if (fileName.endsWith('.map')) maps.add(fileName);
        else if (item.type === 'chunk') maps.add(`${fileName}.map`);
      }
      const target = join(sourcemapsRoot(config, options.sourcemapsDir), release);
      const moved = await moveSourceMaps(output.dir, maps, target, config.root);
      config.logger.info(`[usermetrics] release ${release}: ${moved.length} source maps moved to ${target}`);
      if (options.upload && moved.length > 0) {
        const { keys } = await uploadSourceMaps(target, release, options.upload);
        config.logger.info(
          `[usermetrics] ${keys.length} source maps uploaded to s3://${options.upload.bucket}`,
        );
      }
    },
  };
}

function sourcemapsRoot(config: ResolvedConfig, option: string | undefined): string {
  if (option !== undefined) return isAbsolute(option) ? option : resolve(config.root, option);
  return resolve(config.root, config.build.outDir, '..', '.usermetrics', 'sourcemaps');
}
