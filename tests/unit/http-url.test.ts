import { describe, expect, it } from 'vitest';
import { isHttpUrl } from '../../utils/url/http';

describe('isHttpUrl', () => {
  it('accepts http and https URLs in any case', () => {
    expect(isHttpUrl('https://example.com/a')).toBe(true);
    expect(isHttpUrl('http://example.com')).toBe(true);
    expect(isHttpUrl('HTTPS://EXAMPLE.COM')).toBe(true);
    expect(isHttpUrl('Http://x')).toBe(true);
  });

  it('refuses other schemes and strings that only look close', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://example.com',
      'file:///etc/passwd',
      'https:example.com',
      'http:/x',
      ' https://x',
      'xhttps://x',
      '//example.com',
      '',
      'example.com',
    ]) {
      expect(isHttpUrl(url), url).toBe(false);
    }
  });
});
