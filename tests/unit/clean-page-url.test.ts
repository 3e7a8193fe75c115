import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanPageUrl } from '@/utils/url/clean-page-url';

describe('cleanPageUrl', () => {
  it('drops the fragment, userinfo and every query parameter off the allowlist', () => {
    expect(cleanPageUrl('https://user:secret@news.example/a?utm_source=x&token=abc#comments')).toBe('https://news.example/a');
    expect(cleanPageUrl('https://shop.example/reset-password?reset_token=9f8e7d6c5b4a&email=a%40b.example')).toBe('https://shop.example/reset-password');
    expect(cleanPageUrl('https://forum.example/show?sid=0123456789abcdef&id=42')).toBe('https://forum.example/show?id=42');
  });

  it('keeps short content ids in their original order', () => {
    expect(cleanPageUrl('https://blog.example/?p=123')).toBe('https://blog.example/?p=123');
    expect(cleanPageUrl('https://video.example/watch?v=dQw4w9WgXcQ&t=42s')).toBe('https://video.example/watch?v=dQw4w9WgXcQ');
    expect(cleanPageUrl('https://news.example/x?story=a.b-c_1&item=7&article=9&page_id=3')).toBe(
      'https://news.example/x?story=a.b-c_1&item=7&article=9&page_id=3',
    );
  });

  it('drops an allow-listed parameter whose value could be a token', () => {
    expect(cleanPageUrl('https://a.example/?id=0123456789012345678901234')).toBe('https://a.example/'); // 25 chars
    expect(cleanPageUrl('https://a.example/?id=012345678901234567890123')).toBe('https://a.example/?id=012345678901234567890123'); // 24
    expect(cleanPageUrl('https://a.example/?id=a%2Fb')).toBe('https://a.example/');
    expect(cleanPageUrl('https://a.example/?id=')).toBe('https://a.example/');
    expect(cleanPageUrl('https://a.example/?ID=5')).toBe('https://a.example/');
  });

  it('cuts an unparseable URL before its query or fragment', () => {
    expect(cleanPageUrl('not a url?token=1#x')).toBe('not a url');
  });

  it('property: idempotent, and never keeps a fragment, userinfo or an unlisted parameter', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true } }), (url) => {
        const once = cleanPageUrl(url);
        expect(cleanPageUrl(once)).toBe(once);
        const u = new URL(once);
        expect(u.hash).toBe('');
        expect(u.username + u.password).toBe('');
        for (const name of u.searchParams.keys()) expect(['id', 'p', 'v', 'page_id', 'article', 'story', 'item']).toContain(name);
      }),
    );
  });
});
