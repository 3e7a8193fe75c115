// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { OBSERVED, rootsOf } from '@/utils/in-page/observer';

// rootsOf is fed the records a real MutationObserver collected while the test mutated the document.

const byId = (id: string) => document.getElementById(id)!;
const noExclude = () => false;

/** Run `mutate` under an observer of the document (as the content script observes it) and return its records. */
function recordsOf(mutate: () => void, target: Node = document): MutationRecord[] {
  const mo = new MutationObserver(() => {});
  mo.observe(target, OBSERVED);
  mutate();
  const records = mo.takeRecords();
  mo.disconnect();
  // An empty list would make every "ignored" assertion below pass for the wrong reason.
  expect(records.length).toBeGreaterThan(0);
  return records;
}

/** The batch with its roots named by id: toEqual compares DOM nodes by structure (isEqualNode), not identity. */
function batchOf(records: MutationRecord[], exclude: (el: Element) => boolean = noExclude) {
  const { roots, removed } = rootsOf(records, exclude);
  for (const el of roots) expect(el.id, 'every element the tests add has an id').not.toBe('');
  return { roots: roots.map((el) => el.id), removed };
}

beforeEach(() => {
  document.body.innerHTML = [
    '<div id="outer">',
    '<p id="p">Clearview <b id="b">AI</b> and Meta</p>',
    '<p id="q">Palantir</p>',
    '</div>',
    '<textarea id="ta">draft</textarea>',
    '<div id="editor" contenteditable="true"><p id="ep">typed</p></div>',
    '<div id="plain" contenteditable="false"><p id="pp">read only</p></div>',
    '<script id="s" type="application/json">{}</script>',
    '<div id="host"><p id="hp">card text</p></div>',
  ].join('');
});

describe('rootsOf: what to rescan after a batch of mutations', () => {
  it('rescans the enclosing block of added text, through inline elements', () => {
    const records = recordsOf(() => byId('b').append(document.createTextNode(' Inc')));
    expect(batchOf(records)).toEqual({ roots: ['p'], removed: false });
  });

  it('rescans the block of a text node whose data changed', () => {
    const records = recordsOf(() => ((byId('q').firstChild as Text).data = 'Palantir Technologies'));
    expect(batchOf(records)).toEqual({ roots: ['q'], removed: false });
  });

  it('scans an added block element on its own, not its parent', () => {
    const section = document.createElement('section');
    section.id = 'new';
    section.innerHTML = '<p>OpenAI</p>';
    const records = recordsOf(() => byId('outer').append(section));
    expect(batchOf(records)).toEqual({ roots: ['new'], removed: false });
  });

  it('rescans the enclosing block of an added inline element', () => {
    const em = document.createElement('em');
    em.textContent = 'Inc';
    const records = recordsOf(() => byId('p').append(em));
    expect(batchOf(records)).toEqual({ roots: ['p'], removed: false });
  });

  it('keeps only the outermost of nested roots, and every independent one', () => {
    const section = document.createElement('section');
    section.id = 'new';
    const records = recordsOf(() => {
      byId('outer').append(section);
      const inner = document.createElement('p');
      inner.id = 'inner';
      section.append(inner);
      inner.append('Anthropic');
      byId('q').append(' and Oracle');
    });
    // #inner (added, then given text) is inside #new, added in the same batch.
    expect(batchOf(records)).toEqual({ roots: ['new', 'q'], removed: false });

    const wrapper = document.createElement('div');
    wrapper.id = 'wrapper';
    const more = recordsOf(() => {
      byId('q').append(' again');
      document.body.prepend(wrapper);
      wrapper.append(byId('outer'));
    });
    // #q (text added) and #outer (moved in) are both inside #wrapper, added in the same batch; moving
    // #outer removed it from the body.
    expect(batchOf(more)).toEqual({ roots: ['wrapper'], removed: true });
  });

  it('ignores nodes added and removed again within the batch', () => {
    const records = recordsOf(() => {
      const p = document.createElement('p');
      p.id = 'brief';
      byId('outer').append(p);
      p.remove();
    });
    expect(batchOf(records)).toEqual({ roots: [], removed: true });
  });

  it('rescans the enclosing block of removed text, and says something was removed', () => {
    const records = recordsOf(() => byId('b').firstChild!.remove());
    expect(batchOf(records)).toEqual({ roots: ['p'], removed: true });
  });

  it('rescans the enclosing block of a removed inline element', () => {
    const records = recordsOf(() => byId('b').remove());
    expect(batchOf(records)).toEqual({ roots: ['p'], removed: true });
  });

  it('only flags a removed whole block: nothing around it needs a rescan', () => {
    const records = recordsOf(() => byId('q').remove());
    expect(batchOf(records)).toEqual({ roots: [], removed: true });
  });

  it('ignores mutations inside a textarea, an editable region and a script', () => {
    const records = recordsOf(() => {
      byId('ta').append(' more');
      byId('ep').append(' more');
      const p = document.createElement('p');
      p.id = 'typed';
      p.textContent = 'new paragraph';
      byId('editor').append(p);
      (byId('s').firstChild as Text).data = '{"a":1}';
    });
    expect(batchOf(records)).toEqual({ roots: [], removed: false });
  });

  it('does not take contenteditable="false" for an editable region', () => {
    const records = recordsOf(() => byId('pp').append(' text'));
    expect(batchOf(records).roots).toEqual(['pp']);
  });

  it('ignores mutations inside the excluded element, and only there', () => {
    const host = byId('host');
    const exclude = (el: Element) => el === host;
    const records = recordsOf(() => {
      byId('hp').append(' more');
      const p = document.createElement('p');
      p.id = 'hp2';
      host.append(p);
      byId('q').append(' more');
    });
    expect(batchOf(records, exclude).roots).toEqual(['q']);
    // The same records without the exclusion: the card's paragraphs would be rescanned.
    expect(batchOf(records).roots).toEqual(['hp', 'hp2', 'q']);
  });
});

describe('changes outside the body', () => {
  it('scans a body that replaced the old one, and sweeps what the old one held', () => {
    const b = document.createElement('body');
    b.id = 'newbody';
    b.innerHTML = '<p id="np">Clearview AI</p>';
    expect(batchOf(recordsOf(() => document.body.replaceWith(b)))).toEqual({ roots: ['newbody'], removed: true });
  });

  it('neither scans nor sweeps for scripts and styles coming and going in the head, or for our card', () => {
    const host = byId('host');
    const records = recordsOf(() => {
      const st = document.createElement('style');
      document.head.append(st);
      st.remove();
      document.head.append(document.createElement('script'));
      document.documentElement.append(host);
      host.remove();
    });
    expect(batchOf(records, (el) => el === host)).toEqual({ roots: [], removed: false });
  });
});

describe('ids on the way to painted names', () => {
  it('reports a changed or removed id, rescanning and sweeping nothing', () => {
    const changed = rootsOf(
      recordsOf(() => (byId('outer').id = 'outer-2')),
      noExclude,
    );
    expect(changed).toEqual({ roots: [], removed: false, ids: true });
    const gone = rootsOf(
      recordsOf(() => document.querySelector('#q')!.removeAttribute('id')),
      noExclude,
    );
    expect(gone.ids).toBe(true);
  });

  it('records no other attribute (a page restyling by classes costs nothing)', () => {
    const mo = new MutationObserver(() => {});
    mo.observe(document, OBSERVED);
    byId('p').className = 'lead';
    byId('q').setAttribute('style', 'color: red');
    byId('outer').dataset.state = 'open';
    expect(mo.takeRecords()).toEqual([]);
    mo.disconnect();
  });

  it('does not report ids for text changes', () => {
    expect(
      rootsOf(
        recordsOf(() => byId('q').append(' Inc')),
        noExclude,
      ).ids,
    ).toBe(false);
  });
});
