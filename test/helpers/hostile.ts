/**
 * Hostile webhook deliveries, generated: what anyone who finds a trigger's URL can send. Shared by
 * the per-trigger property suites (test/unit/<provider>/trigger/hostile.test.ts) and the real-n8n
 * run (test/e2e/hostile.e2e.test.ts), so both judge the same bodies the same way.
 *
 * Every body is JSON-serialisable (it must survive the trip through a real HTTP request), and
 * prototype keys are made with JSON.parse so they are own keys, as n8n's parser makes them.
 */
import fc from 'fast-check';

import { MAX_BODY_DEPTH, nestedDeeperThan } from '../../nodes/shared';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

export const PROTOTYPE_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'valueOf',
];

/** An object whose only key is `key` (an own key even for "__proto__"). */
function ownKey(key: string, value: Json): Json {
	return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Json;
}

/** `depth` levels of objects (or arrays) around a small value. */
export function nested(depth: number, kind: 'object' | 'array' = 'object'): Json {
	let value: Json = { leaf: 1 };
	for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
	return value;
}

/** Values of a kind no field expects: wrong types, empties, huge or odd numbers and strings. */
export const HOSTILE_CONSTANTS: Json[] = [
	null,
	'',
	' ',
	true,
	false,
	0,
	-1,
	1.5,
	1e308,
	-1e308,
	2 ** 64,
	Number.MAX_SAFE_INTEGER + 2,
	'9'.repeat(400),
	'[case_id]',
	'NaN',
	'-0',
	{},
	[],
	[null],
	'\u0000\u202e\ud83d',
	'x'.repeat(300),
	'x'.repeat(1_000_000),
	nested(3),
	...PROTOTYPE_KEYS.map((key) => ownKey(key, { polluted: true })),
];

/** One value of a kind no field expects, from the list above or generated. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
	fc.constantFrom(...HOSTILE_CONSTANTS),
	fc.constantFrom(...PROTOTYPE_KEYS).map((key) => ownKey(key, { polluted: true })),
	// Up to 100 KB: big enough to matter, small enough for hundreds of deliveries through n8n.
	fc.integer({ min: 1, max: 2_000 }).map((length) => 'x'.repeat(length * 50)),
	fc.integer({ min: 2, max: 6 }).map((depth) => nested(depth)),
	fc.string({ maxLength: 40 }),
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** Every path to a value inside a JSON value (objects and arrays), the root excluded. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
	if (typeof value !== 'object' || value === null) return [];
	const entries: Array<[string | number, Json]> = Array.isArray(value)
		? value.map((item, index) => [index, item])
		: Object.entries(value);
	return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function clone(value: Json): Json {
	return JSON.parse(JSON.stringify(value)) as Json;
}

/** A copy of `body` with the value at `path` replaced (or removed when `value` is undefined). */
export function withValueAt(body: Json, path: Path, value: Json | undefined): Json {
	const copy = clone(body);
	let parent = copy as Record<string | number, Json>;
	for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
	const last = path[path.length - 1];
	if (value === undefined) {
		if (Array.isArray(parent)) parent.splice(Number(last), 1);
		else delete parent[last];
	} else {
		Object.defineProperty(parent, last, { value, enumerable: true, writable: true });
	}
	return copy;
}

/**
 * Hostile bodies around one valid `sample` event: any of its fields replaced by a hostile value or
 * removed, prototype keys added, nesting beyond the reader's limit, and plain garbage (any JSON,
 * objects with the event's own keys holding wrong types).
 */
export function hostileBodies(sample: Json): fc.Arbitrary<Json> {
	const paths = pathsOf(sample);
	const keys = typeof sample === 'object' && sample !== null ? Object.keys(sample) : [];
	const replaced = fc
		.record({ path: fc.constantFrom(...paths), value: hostileValue })
		.map(({ path, value }) => withValueAt(sample, path, value));
	return fc.oneof(
		{ weight: 4, arbitrary: replaced },
		{
			weight: 1,
			arbitrary: fc.constantFrom(...paths).map((path) => withValueAt(sample, path, undefined)),
		},
		fc
			.record({ key: fc.constantFrom(...PROTOTYPE_KEYS), value: hostileValue })
			.map(({ key, value }) => ({
				...(sample as Record<string, Json>),
				...(ownKey(key, value) as Record<string, Json>),
			})),
		fc
			.record({
				depth: fc.integer({ min: MAX_BODY_DEPTH + 1, max: 3_000 }),
				kind: fc.constantFrom<'object' | 'array'>('object', 'array'),
			})
			.map(({ depth, kind }) => ({
				...(sample as Record<string, Json>),
				extra: nested(depth, kind),
			})),
		fc.dictionary(fc.constantFrom(...keys, ...PROTOTYPE_KEYS), hostileValue, {
			maxKeys: 5,
		}) as fc.Arbitrary<Json>,
		fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
	);
}

/** Content types a provider never sends for a JSON body (n8n parses several of them anyway). */
export const FOREIGN_CONTENT_TYPES = [
	undefined,
	'text/html',
	'text/plain',
	'application/octet-stream',
	'application/json; charset=utf-16le',
	'application/json; charset=iso-8859-1',
	'application/json; charset=latin1',
	'application/xml',
	'text/json',
	'application/vnd.api+json',
	'multipart/form-data; boundary=x',
];

/** Spellings of the JSON Content-Type that must be accepted (Wazzup documents the last one). */
export const JSON_CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'Application/JSON; Charset="UTF-8"',
	'application/json; charset-utf-8',
];

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Whether the kit's reader refuses this body before any parser sees it (400). */
export function refusedByReader(body: unknown): boolean {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return true;
	if (Object.keys(body).length === 0) return true;
	return nestedDeeperThan(body, MAX_BODY_DEPTH);
}

/** A deterministic list of `count` values of an arbitrary (seeded: the same run every time). */
export function sampleOf<T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): T[] {
	return fc.sample(arbitrary, { numRuns: count, seed });
}
