import { describe, expect, it } from 'vitest';
import { hostOf } from '../../utils/url/host';

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
