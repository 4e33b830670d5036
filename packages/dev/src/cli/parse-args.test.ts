import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './parse-args';

describe('parseArgs', () => {
  it('reads dev with its flags', () => {
    expect(parseArgs(['dev', '--port', '5000', '--data-dir=/tmp/d', '--quiet', '--app-dir', 'dist'])).toEqual(
      {
        command: 'dev',
        port: 5000,
        host: '127.0.0.1',
        dataDir: '/tmp/d',
        appDir: 'dist',
        quiet: true,
      },
    );
  });

  it('takes the default port from PORT and lets --port win', () => {
    expect(parseArgs(['dev'], { PORT: '4100' }).port).toBe(4100);
    expect(parseArgs(['dev', '--port=0'], { PORT: '4100' }).port).toBe(0);
    expect(parseArgs(['dev'], {}).port).toBe(4000);
  });

  it('shows help without a command', () => {
    expect(parseArgs([]).command).toBe('help');
    expect(parseArgs(['dev', '--help']).command).toBe('help');
  });

  it.each([
    [['serve']],
    [['dev', '--port', 'abc']],
    [['dev', '--port', '70000']],
    [['dev', '--nope']],
    [['dev', '--port']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
