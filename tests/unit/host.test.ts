import { describe, expect, it } from 'vitest';
import { hostOf, originOf } from '../../utils/url/host';

describe('hostOf', () => {
  it('gives the host with its port', () => {
    expect(hostOf('https://en.wikipedia.org/wiki/Ada_Lovelace')).toBe('en.wikipedia.org');
    expect(hostOf('http://localhost:8080/a?b#c')).toBe('localhost:8080');
    expect(hostOf('https://user:pw@Example.COM/')).toBe('example.com');
  });

  it('gives null for no URL or one that does not parse', () => {
    expect(hostOf(undefined)).toBeNull();
    expect(hostOf(null)).toBeNull();
    expect(hostOf('')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
    expect(hostOf('/relative/path')).toBeNull();
  });

  it('gives an empty string for a URL without a host', () => {
    expect(hostOf('about:blank')).toBe('');
    expect(hostOf('file:///home/me/page.html')).toBe('');
  });
});

describe('originOf', () => {
  it('gives the origin, or null for none, unparseable or opaque', () => {
    expect(originOf('https://news.example:8443/a?b#c')).toBe('https://news.example:8443');
    expect(originOf(undefined)).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
  });
});
