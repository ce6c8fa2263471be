import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GalleryError } from './errors.ts';
import { FaceGallery } from './gallery.ts';
import { GalleryRegistry } from './registry.ts';
import { seededRandom, syntheticCapture, syntheticIdentity } from './synthetic.ts';

const D = 128;

function populated(members: number, templatesEach: number, annThreshold?: number, seed = 7) {
  const random = seededRandom(seed);
  const gallery = new FaceGallery(D, annThreshold);
  const centres = new Map<string, Float32Array>();
  for (let m = 0; m < members; m++) {
    const centre = syntheticIdentity(random, D);
    centres.set(`m${m}`, centre);
    for (let t = 0; t < templatesEach; t++) {
      gallery.add({
        templateId: `m${m}-t${t}`,
        memberId: `m${m}`,
        vector: syntheticCapture(random, centre),
        phoneSuffix: String(m % 100).padStart(4, '0'),
        storeGroups: m % 2 ? ['north'] : ['south'],
      });
    }
  }
  return { gallery, centres, random };
}

test('search returns distinct members with their best template, and the margin between members', () => {
  const { gallery, centres, random } = populated(50, 3);
  const result = gallery.search(syntheticCapture(random, centres.get('m7')!), { k: 5 });
  assert.equal(result.matches[0]!.memberId, 'm7');
  assert.equal(new Set(result.matches.map((m) => m.memberId)).size, result.matches.length);
  assert.equal(result.matches.length, 5);
  assert.ok(Math.abs(result.margin - (result.matches[0]!.score - result.matches[1]!.score)) < 1e-9);
  assert.ok(result.margin > 0.3, 'a member’s own second template never counts as the runner-up');
});

test('phone-suffix and store-group filters restrict the search', () => {
  const { gallery, centres, random } = populated(300, 2);
  const probe = syntheticCapture(random, centres.get('m123')!);
  const bySuffix = gallery.search(probe, { k: 10, phoneSuffix: '0023' });
  assert.equal(bySuffix.matches[0]!.memberId, 'm123');
  assert.ok(bySuffix.matches.every((m) => Number(m.memberId.slice(1)) % 100 === 23));
  assert.deepEqual(gallery.search(probe, { phoneSuffix: '9999' }).matches, []);
  const north = gallery.search(probe, { k: 10, storeGroup: 'north' });
  assert.ok(north.matches.every((m) => Number(m.memberId.slice(1)) % 2 === 1));
  assert.ok(!gallery.search(probe, { k: 10, storeGroup: 'south' }).matches.some((m) => m.memberId === 'm123'));
});

test('a search among named members sees only their templates, on the exact and the approximate path alike', () => {
  for (const threshold of [1_000_000, 100]) {
    const { gallery, centres, random } = populated(300, 2, threshold);
    const probe = syntheticCapture(random, centres.get('m123')!);
    const among = new Set(['m5', 'm77', 'm123', 'nobody']);
    const found = gallery.search(probe, { k: 10, members: among });
    assert.equal(found.matches[0]!.memberId, 'm123');
    assert.deepEqual(new Set(found.matches.map((m) => m.memberId)), new Set(['m5', 'm77', 'm123']));
    assert.ok(
      !gallery.search(probe, { k: 10, members: new Set(['m5', 'm77']) }).matches.some((m) => m.memberId === 'm123'),
    );
    assert.deepEqual(gallery.search(probe, { members: new Set() }).matches, []);
    assert.deepEqual(
      gallery.search(probe, { k: 10, members: among, phoneSuffix: '0077' }).matches.map((m) => m.memberId),
      ['m77'],
    );
    assert.equal(gallery.templateCountOf(among), 6);
    assert.equal(gallery.memberCountOf(among), 3);
  }
});

for (const [path, threshold] of [
  ['exact', 1_000_000],
  ['approximate', 100],
] as const) {
  test(`removed members are never returned (${path} path)`, () => {
    const { gallery, centres, random } = populated(400, 2, threshold);
    assert.equal(gallery.usesApproximateIndex, path === 'approximate');
    const probe = syntheticCapture(random, centres.get('m42')!);
    assert.equal(gallery.search(probe).matches[0]!.memberId, 'm42');
    assert.equal(gallery.removeMember('m42'), 2);
    assert.ok(!gallery.search(probe, { k: 20 }).matches.some((m) => m.memberId === 'm42'));
    assert.ok(!gallery.search(probe, { k: 20, phoneSuffix: '0042' }).matches.some((m) => m.memberId === 'm42'));
    gallery.add({ templateId: 'm42-new', memberId: 'm42', vector: centres.get('m42')!, phoneSuffix: '0042' });
    assert.equal(gallery.search(probe).matches[0]!.templateId, 'm42-new');
    assert.equal(gallery.remove('m42-new'), true);
    assert.equal(gallery.remove('m42-new'), false);
    assert.equal(gallery.size, 798);
  });
}

test('the approximate index agrees with exact search (recall@1 ≥ 0.99)', () => {
  const { gallery, centres, random } = populated(3000, 2, 1000, 11);
  assert.equal(gallery.usesApproximateIndex, true);
  let agree = 0;
  const queries = 300;
  for (let q = 0; q < queries; q++) {
    const probe = syntheticCapture(random, centres.get(`m${(q * 7) % 3000}`)!);
    if (gallery.search(probe, { k: 1 }).matches[0]!.memberId === gallery.searchExact(probe, 1)[0]!.memberId) agree++;
  }
  assert.ok(agree / queries >= 0.99, `recall@1 ${agree / queries}`);
});

test('bad vectors and suffixes are refused with a code', () => {
  const gallery = new FaceGallery(D);
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof GalleryError ? error.code : 'other';
    }
    return 'none';
  };
  assert.equal(
    code(() => gallery.add({ templateId: 't', memberId: 'm', vector: new Float32Array(3), phoneSuffix: '0001' })),
    'dimension_mismatch',
  );
  assert.equal(
    code(() => gallery.add({ templateId: 't', memberId: 'm', vector: new Float32Array(D), phoneSuffix: '0001' })),
    'vector_invalid',
  );
  assert.equal(
    code(() =>
      gallery.add({
        templateId: 't',
        memberId: 'm',
        vector: new Float32Array(D).fill(Number.NaN),
        phoneSuffix: '0001',
      }),
    ),
    'vector_invalid',
  );
  assert.equal(
    code(() => gallery.add({ templateId: 't', memberId: 'm', vector: new Float32Array(D).fill(1), phoneSuffix: '12' })),
    'phone_suffix_invalid',
  );
  gallery.add({ templateId: 't', memberId: 'm', vector: new Float32Array(D).fill(1), phoneSuffix: '0001' });
  assert.equal(
    code(() =>
      gallery.add({ templateId: 't', memberId: 'm', vector: new Float32Array(D).fill(1), phoneSuffix: '0001' }),
    ),
    'template_exists',
  );
  assert.equal(
    code(() => gallery.search(new Float32Array(D).fill(1), { phoneSuffix: 'abcd' })),
    'phone_suffix_invalid',
  );
});

test('merchants never share a gallery', () => {
  const registry = new GalleryRegistry();
  registry
    .forMerchant('a', D)
    .add({ templateId: 't', memberId: 'm', vector: new Float32Array(D).fill(1), phoneSuffix: '0001' });
  assert.equal(registry.forMerchant('b', D).search(new Float32Array(D).fill(1)).matches.length, 0);
  assert.equal(registry.find('a')!.size, 1);
});
