import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, parseArgs, UsageError } from './parse-args';

describe('parseArgs', () => {
  it('reads every flag', () => {
    expect(
      parseArgs([
        '--port',
        '5000',
        '--data-dir=/tmp/d',
        '--quiet',
        '--proxy',
        'http://localhost:5173/',
        '--handlers',
        './usermetrics.routes.mjs',
        '--routes',
        '/, /users/:id',
        '--open',
      ]),
    ).toEqual({
      command: 'dev',
      port: 5000,
      host: '127.0.0.1',
      dataDir: '/tmp/d',
      proxy: 'http://localhost:5173',
      handlers: './usermetrics.routes.mjs',
      routes: ['/', '/users/:id'],
      open: true,
      quiet: true,
    });
  });

  it('runs with defaults and no arguments, and still accepts the old leading "dev"', () => {
    const defaults = { command: 'dev', port: 4000, dataDir: DEFAULT_DATA_DIR, routes: [], open: false };
    expect(parseArgs([])).toMatchObject(defaults);
    expect(parseArgs(['dev', '--app', 'dist'])).toMatchObject({ ...defaults, appDir: 'dist' });
    expect(parseArgs(['--app-dir', 'dist']).appDir).toBe('dist');
  });

  it('takes a bare host:port for --proxy as http', () => {
    expect(parseArgs(['--proxy', 'localhost:5173']).proxy).toBe('http://localhost:5173');
  });

  it('takes the default port from PORT and lets --port win', () => {
    expect(parseArgs([], { PORT: '4100' }).port).toBe(4100);
    expect(parseArgs(['--port=0'], { PORT: '4100' }).port).toBe(0);
    expect(parseArgs([], {}).port).toBe(4000);
  });

  it('shows help on --help', () => {
    expect(parseArgs(['--help']).command).toBe('help');
    expect(parseArgs(['-h']).command).toBe('help');
  });

  it.each([
    [['serve']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--nope']],
    [['--port']],
    [['--proxy', 'https://localhost:5173']],
    [['--proxy', 'http://']],
    [['--proxy', 'http://localhost:5173', '--app', 'dist']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
