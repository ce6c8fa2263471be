import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consentParagraphs, entranceState } from './entrance-view.ts';

const document = { version: '2026-12-03' };

test('off unless the member turned it on, whatever their face data', () => {
  assert.equal(entranceState({ on: false, version: null, faceEnrolled: true, document }), 'off');
  assert.equal(entranceState({ on: false, version: null, faceEnrolled: false, document }), 'off');
});

test('on works only with face data; without it the screen says it cannot', () => {
  assert.equal(entranceState({ on: true, version: '2026-12-03', faceEnrolled: true, document }), 'on');
  assert.equal(entranceState({ on: true, version: '2026-12-03', faceEnrolled: false, document }), 'on_no_face');
});

test('on for an older text asks for the new one', () => {
  assert.equal(entranceState({ on: true, version: '2026-01-01', faceEnrolled: true, document }), 'outdated');
});

test('the text splits into its title and paragraphs, blank lines dropped', () => {
  assert.deepEqual(consentParagraphs('标题\n第一段\n\n第二段'), { heading: '标题', paragraphs: ['第一段', '第二段'] });
  assert.deepEqual(consentParagraphs(''), { heading: '', paragraphs: [] });
});
