import { checkWebhookUrl, isForbiddenAddress, type Resolver } from './webhook-url.js';

/** A resolver from a table: the test decides what a name resolves to (no network). */
const dns = (table: Record<string, string[]>): Resolver => async (host) => table[host] ?? [];

describe('webhook URL guard (SSRF)', () => {
  const prod = { allowLoopback: false, resolve: dns({ 'hooks.example.dk': ['93.184.216.34'], 'both.example.dk': ['93.184.216.34', '10.1.2.3'], 'inside.example.dk': ['192.168.1.10'], 'v6.example.dk': ['2a00:1450:4001:80b::200e'], localhost: ['127.0.0.1', '::1'] }) };
  const dev = { ...prod, allowLoopback: true };

  it('accepts an https URL whose host resolves to public addresses only', async () => {
    expect(await checkWebhookUrl('https://hooks.example.dk/enplan?x=1', prod)).toEqual({ ok: true, url: 'https://hooks.example.dk/enplan?x=1' });
    expect(await checkWebhookUrl('https://v6.example.dk/', prod)).toMatchObject({ ok: true });
    expect(await checkWebhookUrl('https://93.184.216.34/', prod)).toMatchObject({ ok: true });
  });

  it('refuses plain http, also to loopback, unless the development flag is set; then only to loopback', async () => {
    expect(await checkWebhookUrl('http://hooks.example.dk/', prod)).toEqual({ ok: false, problem: 'not-https' });
    expect(await checkWebhookUrl('http://127.0.0.1:8080/', prod)).toEqual({ ok: false, problem: 'not-https' });
    expect(await checkWebhookUrl('http://127.0.0.1:8080/', dev)).toMatchObject({ ok: true });
    expect(await checkWebhookUrl('http://[::1]:8080/', dev)).toMatchObject({ ok: true });
    expect(await checkWebhookUrl('http://localhost:8080/', dev)).toMatchObject({ ok: true });
    expect(await checkWebhookUrl('http://hooks.example.dk/', dev)).toEqual({ ok: false, problem: 'not-https' });
    expect(await checkWebhookUrl('http://10.0.0.1/', dev)).toEqual({ ok: false, problem: 'not-https' });
  });

  it.each([
    'https://127.0.0.1/',
    'https://127.1.2.3/',
    'https://localhost/',
    'https://[::1]/',
    'https://10.0.0.8/',
    'https://172.16.5.4/',
    'https://172.31.255.255/',
    'https://192.168.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://100.64.0.1/',
    'https://0.0.0.0/',
    'https://[fe80::1]/',
    'https://[fd00:ec2::254]/',
    'https://[::ffff:10.0.0.1]/',
    'https://[::ffff:169.254.169.254]/',
    'https://[64:ff9b::a00:1]/',
    'https://inside.example.dk/',
    'https://both.example.dk/',
    'https://2130706433/', // 127.0.0.1 as one number: the URL parser normalises it
    'https://0x7f.1/',
  ])('refuses %s: it reaches a private, loopback, link-local or metadata address', async (url) => {
    expect(await checkWebhookUrl(url, prod)).toEqual({ ok: false, problem: 'address-forbidden' });
  });

  it('refuses loopback https without the flag, and private addresses even with it', async () => {
    expect(await checkWebhookUrl('https://127.0.0.1/', dev)).toMatchObject({ ok: true });
    expect(await checkWebhookUrl('https://10.0.0.8/', dev)).toEqual({ ok: false, problem: 'address-forbidden' });
  });

  it('refuses what is not an absolute http(s) URL, credentials, and a name that does not resolve', async () => {
    for (const bad of ['ftp://hooks.example.dk/', 'hooks.example.dk/x', '', 'https://user:pw@hooks.example.dk/', 'javascript:alert(1)']) {
      expect(await checkWebhookUrl(bad, prod)).toEqual({ ok: false, problem: 'invalid' });
    }
    expect(await checkWebhookUrl('https://nowhere.example.dk/', prod)).toEqual({ ok: false, problem: 'unresolvable' });
  });

  it('classifies addresses', () => {
    expect(isForbiddenAddress('8.8.8.8')).toBe(false);
    expect(isForbiddenAddress('2a00:1450:4001:80b::200e')).toBe(false);
    expect(isForbiddenAddress('::ffff:8.8.8.8')).toBe(false);
    expect(isForbiddenAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isForbiddenAddress('172.15.255.255')).toBe(false);
    expect(isForbiddenAddress('172.32.0.0')).toBe(false);
  });
});
