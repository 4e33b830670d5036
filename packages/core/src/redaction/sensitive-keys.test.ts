import { describe, expect, it } from 'vitest';
import { isSensitiveKey, isSensitiveParam } from './sensitive-keys';

describe('isSensitiveKey', () => {
  it.each([
    'password',
    'Password',
    'newPassword',
    'passwd',
    'pwd',
    'passphrase',
    'secret',
    'clientSecret',
    'client_secret',
    'awsSecretAccessKey',
    'AWS_SECRET_ACCESS_KEY',
    'token',
    'accessToken',
    'refresh_token',
    'sessionToken',
    'x-csrf-token',
    'id_token',
    'authorization',
    'Proxy-Authorization',
    'auth',
    'cookie',
    'Set-Cookie',
    'apiKey',
    'api_key',
    'x-api-key',
    'API KEY',
    'accessKeyId',
    'ssn',
    'userSsn',
    'creditCard',
    'credit_card_number',
    'cardNumber',
    'cvv',
    'cvc2',
    'pin',
    'privateKey',
    'private_key',
    'otp',
    'totp',
    'credentials',
    'stripe-signature',
    'jwt',
  ])('treats %s as sensitive', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each([
    'sessionId',
    'session_id',
    'X-Session-Id',
    'author',
    'authorId',
    'className',
    'spinner',
    'pinned',
    'compass',
    'passed',
    'keyboard',
    'email',
    'userId',
    'tokenCount',
    'tokenType',
    'token_expires_in',
    'passwordLength',
    'message',
  ])('treats %s as not sensitive', (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });

  it('adds extra keys by exact match after normalisation', () => {
    expect(isSensitiveKey('IP-Address', ['ip_address'])).toBe(true);
    expect(isSensitiveKey('zip', ['ip'])).toBe(false);
  });

  it('lets an extra key override the metadata exception', () => {
    expect(isSensitiveKey('tokenCount', ['tokenCount'])).toBe(true);
  });

  it('returns false for a non-string key from untyped callers', () => {
    expect(isSensitiveKey(42 as unknown as string)).toBe(false);
  });
});

describe('isSensitiveParam', () => {
  it.each([
    'code',
    'state',
    'email',
    'user_email',
    'session',
    'jsessionid',
    'PHPSESSID',
    'sig',
    'X-Amz-Signature',
  ])('treats the URL parameter %s as sensitive', (name) => {
    expect(isSensitiveParam(name)).toBe(true);
  });

  it.each(['key', 'access_token', 'id_token', 'X-Amz-Credential', 'SAMLResponse', 'password'])(
    'treats the URL parameter %s as sensitive too',
    (name) => {
      expect(isSensitiveParam(name)).toBe(true);
    },
  );

  it.each(['page', 'sort', 'q', 'lang', 'utm_source', 'step', 'size'])(
    'keeps the URL parameter %s',
    (name) => {
      expect(isSensitiveParam(name)).toBe(false);
    },
  );

  it('accepts extra parameter names', () => {
    expect(isSensitiveParam('invite', ['invite'])).toBe(true);
  });
});
