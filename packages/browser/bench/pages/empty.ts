// Baseline: a module script that does nothing, so every page pays for one module load.
export {};
