// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildReplayOptions } from './replay-options';
import { createDomSanitizer, rulesProblem } from './sanitization-rules';

const check = (selector: string) => document.createDocumentFragment().querySelector(selector);
const base = { projectKey: 'k', ingestPoint: 'https://or.example' };

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
}

describe('replay sanitization rules', () => {
  it('obscures elements matching a mask selector and hides those matching an ignore selector', () => {
    const sanitize = createDomSanitizer({ version: 1, mask: ['.customer-name'], ignore: ['#chat'] });
    expect(sanitize(element('<p class="customer-name">Jane Roe</p>'))).toBe(1);
    expect(sanitize(element('<div id="chat"></div>'))).toBe(2);
    // positive control: an element no rule names stays plain
    expect(sanitize(element('<p class="headline">News</p>'))).toBe(0);
  });

  it('lets ignore win over mask for an element both name', () => {
    const sanitize = createDomSanitizer({ version: 1, mask: ['.x'], ignore: ['.x'] });
    expect(sanitize(element('<p class="x"></p>'))).toBe(2);
  });

  it("takes the stricter of the rules and the app's own domSanitizer, so neither can unmask", () => {
    const unmaskEverything = () => 0;
    const sanitize = createDomSanitizer({ version: 1, mask: ['.secret'] }, unmaskEverything);
    expect(sanitize(element('<p class="secret"></p>'))).toBe(1);
    const hideAll = createDomSanitizer({ version: 1 }, () => 2);
    expect(hideAll(element('<p></p>'))).toBe(2);
    const throwing = createDomSanitizer({ version: 1, mask: ['p'] }, () => {
      throw new Error('app bug');
    });
    expect(throwing(element('<p></p>'))).toBe(1);
  });

  it('passes the rules to OpenReplay as domSanitizer with every default still forced', () => {
    const options = buildReplayOptions({
      ...base,
      sanitization: { version: 1, mask: ['.customer-name'] },
      // An app trying to loosen the defaults through OpenReplay's own options:
      defaultInputMode: 0,
      obscureInputEmails: false,
      obscureTextNumbers: false,
      domSanitizer: () => 0,
    });
    expect(options).toMatchObject({
      defaultInputMode: 1,
      obscureInputEmails: true,
      obscureTextNumbers: true,
    });
    expect(options).not.toHaveProperty('sanitization');
    const sanitize = options.domSanitizer as (node: Element) => number;
    expect(sanitize(element('<span class="customer-name"></span>'))).toBe(1);
  });

  it.each([
    ['an unknown version', { version: 2, mask: ['.a'] }, 'version 2 unsupported'],
    ['a missing version', { mask: ['.a'] }, 'version undefined unsupported'],
    ['an invalid selector', { version: 1, mask: ['.ok', 'div[['] }, 'mask: bad selector "div[["'],
    ['an empty selector', { version: 1, ignore: [' '] }, 'ignore: bad selector'],
    ['a list that is not an array', { version: 1, mask: '.a' }, 'mask not an array'],
    ['not an object', 'mask everything', 'version undefined unsupported'],
    ['null', null, 'version undefined unsupported'],
  ])('refuses rules with %s', (_name, rules, message) => {
    expect(rulesProblem(rules, check)).toContain(message);
  });

  it('accepts the rules file of the example app format (positive control)', () => {
    expect(
      rulesProblem({ version: 1, mask: ['[data-private]', '.a .b'], ignore: ['#c'] }, check),
    ).toBeUndefined();
    expect(rulesProblem({ version: 1 }, check)).toBeUndefined();
  });
});
