/**
 * Real-looking personal data and secrets, as they turn up in error reports and logs. Card numbers are
 * the issuers' published test numbers; tokens and keys are made up or AWS documentation examples.
 * Test data only: nothing in the package imports this file.
 */
export interface PiiSample {
  /** Where such a value comes from; becomes the test name. */
  readonly name: string;
  /** What is handed to `redact()`. */
  readonly input: unknown;
  /** Substrings that must not appear in `JSON.stringify(redact(input))` (and do appear in the input). */
  readonly secrets: readonly string[];
}

const JWT_HS256 =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyXzg0MTIiLCJlbWFpbCI6Im1hcmlhLmdhcmNpYUBleGFtcGxlLmNvbSIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoxNzY3MjI5MjAwfQ.94mPeDv4F0iSCNzuJs83dYXuu8KimF8kafhlgM0NZeU';
const JWT_RS256 =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMjQtMDkta2V5LTEiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20vIiwiYXVkIjoiYXBpIiwic3ViIjoiYXV0aDB8NjRmMWMyIiwic2NvcGUiOiJyZWFkOm9yZGVycyJ9.ui7DOyGGMs4jJJF1y-8M8PA0Q62pXAKVFhA1A4wDDVU';
const JWT_ES256 =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJjbGllbnRfaWQiOiJzcGEiLCJzaWQiOiI4YzFmIiwiZXhwIjoxNzY3MjI5MjAwfQ.gJanqKOWU0YpSAm-ZxgNbG-Fe7JqAxODKdft_CIgBek';
const JWT_UNSIGNED = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiI0MiIsImFkbWluIjp0cnVlfQ.';
const JWT_PAYLOAD =
  'eyJzdWIiOiJ1c2VyXzg0MTIiLCJlbWFpbCI6Im1hcmlhLmdhcmNpYUBleGFtcGxlLmNvbSIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoxNzY3MjI5MjAwfQ';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const AWS_SECRET_2 = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';

function s(name: string, input: unknown, ...secrets: string[]): PiiSample {
  return { name, input, secrets };
}

const emails: PiiSample[] = [
  s('plain e-mail', 'jane.doe@example.com', 'jane.doe@example.com'),
  s('plus addressing', 'jane.doe+newsletter@example.com', 'jane.doe+newsletter', '@example.com'),
  s('subdomain and ccTLD', 'ops-alerts@mail.eu.example.co.uk', 'ops-alerts@mail.eu.example.co.uk'),
  s('uppercase', 'Contact JOHN.SMITH@EXAMPLE.ORG for access', 'JOHN.SMITH@EXAMPLE.ORG'),
  s('in a sentence, before a full stop', 'Password reset sent to li.wei@example.net.', 'li.wei@example.net'),
  s('display name form', 'From: "Ana Souza" <ana.souza@empresa.com.br>', 'ana.souza@empresa.com.br'),
  s('underscore and digits', "user 'first_last-99@my-company.io' not found", 'first_last-99@my-company.io'),
  s('mailto link', 'mailto:support+billing@shop.example?subject=Refund', 'support+billing@shop.example'),
  s('percent-encoded in a URL', 'https://app.example.com/invite?to=bob%40example.com', 'bob%40example.com'),
  s('in a URL path', 'GET /api/users/alice@example.io/settings 404', 'alice@example.io'),
  s(
    'in an error message',
    { message: 'Duplicate key: email "kim.lee@example.kr" already exists' },
    'kim.lee@example.kr',
  ),
  s(
    'in a JSON string',
    '{"user":{"email":"olivia.brown@example.com","plan":"pro"}}',
    'olivia.brown@example.com',
  ),
  s(
    'in an array of recipients',
    { to: ['a.nguyen@example.vn', 'p.kowalski@example.pl'] },
    'a.nguyen@example.vn',
    'p.kowalski@example.pl',
  ),
];

const cards: PiiSample[] = [
  s('Visa, plain', 'card 4111111111111111 declined', '4111111111111111'),
  s('Visa, spaced groups', 'Card number: 4012 8888 8888 1881', '4012 8888 8888 1881'),
  s('Visa, dashed', 'pan=4242-4242-4242-4242&exp=12/28', '4242-4242-4242-4242'),
  s('Visa, 13 digits', 'legacy card 4222222222222 on file', '4222222222222'),
  s('Mastercard, spaced', 'charge failed for 5555 5555 5555 4444', '5555 5555 5555 4444'),
  s(
    'Mastercard, plain in JSON',
    { payment: { pan: '5105105105105100', brand: 'mastercard' } },
    '5105105105105100',
  ),
  s('Mastercard 2-series', 'Retrying 2223-0031-2200-3222', '2223-0031-2200-3222'),
  s('Amex, 4-6-5 groups', 'amex 3782 822463 10005 ok', '3782 822463 10005'),
  s('Amex, plain', { note: 'customer read 371449635398431 over the phone' }, '371449635398431'),
  s('Discover, plain', 'Discover 6011111111111117', '6011111111111117'),
  s('Discover, spaced', 'pay with 6011 0009 9013 9424', '6011 0009 9013 9424'),
  s('Discover, 19 digits', 'card=6011000000000000001', '6011000000000000001'),
  s('JCB', 'JCB 3530 1113 3330 0000 expired', '3530 1113 3330 0000'),
  s('Diners, 14 digits', 'diners 3056-930902-5904', '3056-930902-5904'),
  s('UnionPay 19 digits', 'unionpay: 6221260000000000001', '6221260000000000001'),
  s('card after a reference number', 'ref 12 4916 3385 0608 2832', '4916 3385 0608 2832'),
  s('card stored as a number', { amount: 10, card: 5425233430109903 }, '5425233430109903'),
];

const tokens: PiiSample[] = [
  s('JWT alone', JWT_HS256, JWT_HS256, JWT_PAYLOAD),
  s('JWT in a sentence', `session restored from ${JWT_RS256} at boot`, JWT_RS256),
  s('JWT in a query string', `https://app.example.com/sso?jwt=${JWT_ES256}&lang=en`, JWT_ES256),
  s('unsigned JWT', `token was ${JWT_UNSIGNED}`, JWT_UNSIGNED.slice(0, -1)),
  s(
    'Bearer header line',
    'Authorization: Bearer ya29.a0AfH6SMBx3kLqP9vT2nQ7rW8',
    'ya29.a0AfH6SMBx3kLqP9vT2nQ7rW8',
  ),
  s('Bearer JWT in headers object', { headers: { Authorization: `Bearer ${JWT_HS256}` } }, JWT_HS256),
  s(
    'Basic credentials',
    'curl -H "Authorization: Basic YWRtaW46c3VwZXJzZWNyZXQ=" api',
    'YWRtaW46c3VwZXJzZWNyZXQ=',
  ),
  s(
    'bearer, lower case, in prose',
    'retrying with bearer gho_16C7e42F292c6912E7710c838347Ae178B4a',
    'gho_16C7e42F292c6912E7710c838347Ae178B4a',
  ),
  s('AWS access key id', 'using AKIAIOSFODNN7EXAMPLE in eu-west-1', 'AKIAIOSFODNN7EXAMPLE'),
  s(
    'AWS temporary key id',
    { message: 'InvalidClientTokenId: ASIAY34FZKBOKMUTVV7A' },
    'ASIAY34FZKBOKMUTVV7A',
  ),
  s(
    'AWS secret in an ini file',
    `[default]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = ${AWS_SECRET}`,
    AWS_SECRET,
    'AKIAI44QH8DHBEXAMPLE',
  ),
  s('AWS secret as env var', `AWS_SECRET_ACCESS_KEY=${AWS_SECRET_2} node index.js`, AWS_SECRET_2),
  s(
    'AWS STS response as JSON text',
    `{"Credentials":{"AccessKeyId":"ASIAJEXAMPLEXEG2JICEA","SecretAccessKey":"${AWS_SECRET}","SessionToken":"FwoGZXIvYXdzEBYaDexample"}}`,
    AWS_SECRET,
    'FwoGZXIvYXdzEBYaDexample',
  ),
  s(
    'PEM private key',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9Xexample\n-----END RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEA7bq9Xexample',
  ),
  s(
    'database URL with credentials',
    'connect ECONNREFUSED postgres://app_user:pg-S3cr3t!@10.0.4.12:5432/orders',
    'pg-S3cr3t!',
  ),
  s('Cookie header', 'Cookie: theme=dark; sid=s%3Aj9Xk2Lm8Qp; _ga=GA1.2.3', 's%3Aj9Xk2Lm8Qp'),
];

const keyed: PiiSample[] = [
  s('password in a login body', { username: 'jdoe', password: 'Tr0ub4dor-3' }, 'Tr0ub4dor-3'),
  s(
    'sensitive keys three levels deep',
    { req: { body: { user: { passwd: 'hunter2!', pin: 4821 } } } },
    'hunter2!',
    '4821',
  ),
  s(
    'tokens in an array of sessions',
    {
      sessions: [
        { id: 1, refresh_token: 'rt_9f8e7d6c5b4a' },
        { id: 2, accessToken: 'at_1a2b3c4d5e6f' },
      ],
    },
    'rt_9f8e7d6c5b4a',
    'at_1a2b3c4d5e6f',
  ),
  s(
    'API key header variants',
    { 'X-API-Key': 'k_live_51HqLyj', api_key: 'k_test_8Jd93', apiKey: 'k_dev_0Pq2' },
    'k_live_51HqLyj',
    'k_test_8Jd93',
    'k_dev_0Pq2',
  ),
  s(
    'client secret in config',
    { auth0: { domain: 'example.eu.auth0.com', clientSecret: 'sH4r3dS3cr3tV4lu3' } },
    'sH4r3dS3cr3tV4lu3',
  ),
  s(
    'set-cookie array under a sensitive key',
    { headers: { 'set-cookie': ['sid=abc123def; HttpOnly', 'csrf=zz99yy88'] } },
    'abc123def',
    'zz99yy88',
  ),
  s(
    'SSN, CVV and card fields of a form',
    { form: { ssn: '078-05-1120', creditCard: { cardNumber: '4111 1111 1111 1111', cvv: '737' } } },
    '078-05-1120',
    '737',
  ),
  s(
    'object under a sensitive key is redacted whole',
    { credentials: { user: 'svc', pass: 'n0t-s0-s3cret' } },
    'n0t-s0-s3cret',
    'svc',
  ),
  s(
    'OTP and private key deep in an array',
    [[{ mfa: { otp: '492817' } }], { signer: { privateKey: 'MC4CAQAwBQYDK2VwBCIEIexample' } }],
    '492817',
    'MC4CAQAwBQYDK2VwBCIEIexample',
  ),
  s('phone number, US international', 'Customer phone +1 (415) 555-0132 on file', '415) 555-0132'),
  s('phone number, UK international', 'call back on +44 20 7946 0958', '7946 0958'),
  s('phone number, plain digits after a phone word', 'call 4155550132 now', '4155550132'),
  s('phone number, North American dashed', { note: 'support line 415-555-0132' }, '415-555-0132'),
  s('phone number, tel: link in HTML', '<a href="tel:+4915123456789">Call</a>', '4915123456789'),
  s('phone number, labelled national format', 'mobile: 020 7946 0958', '020 7946 0958'),
  s('SSN in free text, dashed', 'applicant SSN 078-05-1120 verified', '078-05-1120'),
  s('SSN in free text, spaced', { message: 'social security number 219 09 9999' }, '219 09 9999'),
  s('password in free text', 'login failed: user=jdoe password=Winter2025x', 'Winter2025x'),
  s('password in a JSON string', '{"username":"jdoe","password":"c0rrect-h0rse"}', 'c0rrect-h0rse'),
  s(
    'password in double-encoded JSON',
    JSON.stringify({ body: '{"password":"d0uble-enc0ded"}' }),
    'd0uble-enc0ded',
  ),
  s(
    'password with spaces, quoted',
    "config: { password: 'correct horse battery staple' }",
    'correct horse battery staple',
  ),
  s(
    'password in a stack trace',
    'Error: auth failed for {"password":"st4ck-pw"}\n    at login (/var/task/index.mjs:12:9)',
    'st4ck-pw',
  ),
  s('secret as a CLI flag', 'spawn deploy --client-secret=cl1ent-s3cret --region eu-west-1', 'cl1ent-s3cret'),
  s(
    'token in YAML',
    'github:\n  token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n  org: acme',
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  ),
  s(
    'Error with a password in its message',
    new Error('bad config password=pa55w0rd-in-error'),
    'pa55w0rd-in-error',
  ),
];

const urls: PiiSample[] = [
  s(
    'OAuth callback',
    'https://app.example.com/callback?code=4/0AY0e-g7xyzABC&state=af0ifjsldkj',
    '4/0AY0e-g7xyzABC',
    'af0ifjsldkj',
  ),
  s(
    'implicit flow token param',
    'redirect to https://app.example.com/#/?x=1&access_token=at-Zx81Qm',
    'at-Zx81Qm',
  ),
  s(
    'S3 presigned URL',
    'https://bucket.s3.amazonaws.com/a.pdf?X-Amz-Credential=AKIAEXAMPLE%2F20260101&X-Amz-Signature=5d41402abc4b2a76b9719d911017c592',
    'AKIAEXAMPLE%2F20260101',
    '5d41402abc4b2a76b9719d911017c592',
  ),
  s(
    'Azure SAS sig',
    'https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=Zm9vYmFyYmF6cXV4%3D',
    'Zm9vYmFyYmF6cXV4%3D',
  ),
  s('reset link', { url: '/account/reset?reset_token=rst_77aa88bb99' }, 'rst_77aa88bb99'),
  s('jsessionid path parameter', 'GET /shop/cart;jsessionid=A1B2C3D4E5F6 HTTP/1.1', 'A1B2C3D4E5F6'),
  s(
    'e-mail query parameter',
    { page: 'https://app.example.com/signup?email=maria%2Bx%40example.es&step=2' },
    'maria%2Bx%40example.es',
  ),
  s(
    'api key in a relative URL',
    '/v1/geocode?address=Main+St&key=AIzaSyD-example-key',
    'AIzaSyD-example-key',
  ),
  s(
    'session param',
    'https://legacy.example.com/app.php?PHPSESSID=9c1185a5c5e9fc54612808977ee8f548',
    '9c1185a5c5e9fc54612808977ee8f548',
  ),
];

/** Every sample that must lose its secrets (at least 60). */
export const PII_CORPUS: readonly PiiSample[] = [...emails, ...cards, ...tokens, ...keyed, ...urls];
