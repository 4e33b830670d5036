// Declarations a function can have in JS/TS source: `function name(`, `name = function`, `name: function`,
// `const name = (…) =>` / `= async x =>`, and class or object methods `name(…) {`.
const DECLARATION =
  /\bfunction\*?\s+([A-Za-z_$][\w$]*)\s*[<(]|([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s+)?function\b|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>|^\s*(?:(?:public|private|protected|static|async|override)\s+)*([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\([^)]*\)\s*(?::[^{]+)?\{/g;
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'return', 'function']);
// How far up a declaration is looked for; a function body longer than this gets no name.
const MAX_LINES = 80;

/**
 * The name of the function a position of original source is in, found by looking upwards for the nearest
 * declaration (how stacktrace-gps names frames from source). Unlike the caller's call-site token it is right
 * for functions a framework calls (a React component is called as `Component(props)`); it can be wrong for
 * code after a nested function has ended, so it is used for the app's own sources only.
 * @param line 1-based
 * @param column 1-based
 */
export function enclosingFunctionName(
  lines: readonly string[],
  line: number,
  column: number,
): string | undefined {
  for (let l = line; l >= 1 && l > line - MAX_LINES; l--) {
    const text = lines[l - 1];
    if (text === undefined) continue;
    let found: string | undefined;
    for (const m of (l === line ? text.slice(0, column - 1) : text).matchAll(DECLARATION)) {
      const name = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (name !== undefined && !NOT_NAMES.has(name)) found = name;
    }
    if (found !== undefined) return found;
  }
  return undefined;
}
