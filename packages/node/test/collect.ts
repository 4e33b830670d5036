/** A stdout stand-in for tests: collects written chunks and splits them into lines. */
export function createCollector() {
  const chunks: string[] = [];
  return {
    write(s: string) {
      chunks.push(s);
    },
    chunks,
    lines(): string[] {
      return chunks
        .join('')
        .split('\n')
        .filter((l) => l.length > 0);
    },
    json(): Record<string, unknown>[] {
      return this.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    clear() {
      chunks.length = 0;
    },
  };
}
