import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseNetworks, PUBLIC_ONLY, type WebhookAddressPolicy } from './webhook-address';
import { postWebhook, RefusedWebhookAddress, type Resolver, webhookUrlProblem } from './webhook-target';

const noDns: Resolver = () => Promise.reject(new Error('no DNS in this test'));
/** A resolver answering fixed addresses for one name. */
const resolvesTo = (...addresses: string[]): Resolver => async () => addresses;

describe('webhook targets: which addresses a lab may point the gateway at', () => {
  it.each([
    ['loopback IPv4', 'http://127.0.0.1/h', 'loopback'],
    ['loopback IPv4, elsewhere in 127/8', 'http://127.9.8.7/h', 'loopback'],
    ['loopback IPv6', 'http://[::1]/h', 'loopback'],
    ['link-local IPv4 (cloud metadata)', 'http://169.254.169.254/latest/meta-data', 'link-local'],
    ['link-local IPv6', 'http://[fe80::1]/h', 'link-local'],
    ['private 10/8', 'https://10.1.2.3/h', 'private'],
    ['private 172.16/12', 'https://172.20.0.1/h', 'private'],
    ['private 192.168/16', 'https://192.168.1.10:8443/h', 'private'],
    ['carrier-grade NAT 100.64/10', 'https://100.64.0.1/h', 'private \\(carrier-grade NAT\\)'],
    ['unique-local IPv6 fc00::/7', 'https://[fd12:3456::1]/h', 'unique-local'],
    ['unspecified IPv4', 'http://0.0.0.0:3000/h', 'unspecified'],
    ['unspecified IPv6', 'http://[::]/h', 'unspecified'],
    ['multicast IPv4', 'http://224.0.0.1/h', 'multicast'],
    ['multicast IPv6', 'http://[ff02::1]/h', 'multicast'],
    ['broadcast', 'http://255.255.255.255/h', 'broadcast'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/h', 'loopback'],
    ['IPv4-mapped IPv6 private, hex form', 'http://[::ffff:a00:1]/h', 'private'],
    ['NAT64 of a private address', 'http://[64:ff9b::a00:1]/h', 'private'],
    ['6to4 of a loopback address', 'http://[2002:7f00:1::1]/h', 'loopback'],
    ['decimal IPv4 spelling', 'http://2130706433/h', 'loopback'],
    ['octal IPv4 spelling', 'http://0177.0.0.1/h', 'loopback'],
    ['hex IPv4 spelling', 'http://0x7f.0.0.1/h', 'loopback'],
    ['short IPv4 spelling', 'http://10.1/h', 'private'],
  ])('refuses %s', async (_what, url, cls) => {
    expect(await webhookUrlProblem(url, PUBLIC_ONLY, noDns)).toMatch(new RegExp(`is an? ${cls} address`));
  });

  it('refuses a host name that resolves to a refused address (any of its A/AAAA answers)', async () => {
    expect(await webhookUrlProblem('https://hooks.lab.example/h', PUBLIC_ONLY, resolvesTo('10.0.0.5'))).toMatch(/hooks\.lab\.example resolves to 10\.0\.0\.5 is a private address/);
    expect(await webhookUrlProblem('https://hooks.lab.example/h', PUBLIC_ONLY, resolvesTo('93.184.215.14', '::1'))).toMatch(/resolves to ::1 is a loopback address/);
    expect(await webhookUrlProblem('https://localhost/h', PUBLIC_ONLY, resolvesTo('127.0.0.1'))).toMatch(/loopback/);
    expect(await webhookUrlProblem('https://nowhere.invalid/h', PUBLIC_ONLY, noDns)).toBe('nowhere.invalid does not resolve');
    expect(await webhookUrlProblem('https://hooks.lab.example/h', PUBLIC_ONLY, resolvesTo('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'))).toBeUndefined();
  });

  it('refuses credentials in the URL and non-web schemes', async () => {
    expect(await webhookUrlProblem('https://user:pw@93.184.215.14/h', PUBLIC_ONLY, noDns)).toMatch(/user name or password/);
    expect(await webhookUrlProblem('ftp://93.184.215.14/h', PUBLIC_ONLY, noDns)).toMatch(/http:\/\/ or https:\/\//);
  });

  it('allows what the operator allows: every address (WEBHOOK_ALLOW_PRIVATE) or listed networks (WEBHOOK_ALLOWED_NETWORKS)', async () => {
    const all: WebhookAddressPolicy = { allowPrivate: true, allowedNetworks: [] };
    for (const url of ['http://127.0.0.1:9/h', 'http://[::1]/h', 'http://10.1.2.3/h', 'http://169.254.169.254/h']) expect(await webhookUrlProblem(url, all, noDns)).toBeUndefined();
    const listed: WebhookAddressPolicy = { allowPrivate: false, allowedNetworks: parseNetworks('10.20.0.0/16, fd00:1::/64,192.168.7.7') };
    expect(await webhookUrlProblem('https://10.20.3.4/h', listed, noDns)).toBeUndefined();
    expect(await webhookUrlProblem('https://[::ffff:10.20.3.4]/h', listed, noDns)).toBeUndefined();
    expect(await webhookUrlProblem('https://[fd00:1::9]/h', listed, noDns)).toBeUndefined();
    expect(await webhookUrlProblem('https://192.168.7.7/h', listed, noDns)).toBeUndefined();
    expect(await webhookUrlProblem('https://10.21.0.1/h', listed, noDns)).toMatch(/private/);
    expect(await webhookUrlProblem('https://hooks.lab.example/h', listed, resolvesTo('10.20.0.9'))).toBeUndefined();
    expect(() => parseNetworks('10.0.0.0/33')).toThrow();
    expect(() => parseNetworks('not-a-network')).toThrow();
  });

  describe('at delivery time', () => {
    let server: Server;
    let hits = 0;
    let port = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits++;
        req.resume();
        res.statusCode = 204;
        res.end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((r) => server.close(r)));
    const post = { headers: {}, body: '{}', timeoutMs: 5000 };

    it('never connects to a refused address, whether written as an IP or reached through a name', async () => {
      const before = hits;
      await expect(postWebhook(`http://127.0.0.1:${port}/h`, { ...post, policy: PUBLIC_ONLY })).rejects.toBeInstanceOf(RefusedWebhookAddress);
      // "localhost" resolves to loopback now: the check is on the connection's own lookup
      await expect(postWebhook(`http://localhost:${port}/h`, { ...post, policy: PUBLIC_ONLY })).rejects.toThrow(/localhost resolves to .* loopback address/);
      expect(hits).toBe(before);
    });

    it('delivers where the policy allows it', async () => {
      const before = hits;
      expect(await postWebhook(`http://localhost:${port}/h`, { ...post, policy: { allowPrivate: false, allowedNetworks: parseNetworks('127.0.0.0/8,::1') } })).toBe(204);
      expect(await postWebhook(`http://127.0.0.1:${port}/h`, { ...post, policy: { allowPrivate: true, allowedNetworks: [] } })).toBe(204);
      expect(hits).toBe(before + 2);
    });
  });
});
