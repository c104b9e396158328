import { splitText } from '../../../../nodes/shared';

const HTML = /<[^>]+>/g;

describe('splitText: where each cut falls', () => {
	it.each<[string, string, number, string[]]>([
		[
			'a paragraph break before a sentence end',
			'aaaa\nbbbb\n\ncccc dddd',
			12,
			['aaaa\nbbbb', 'cccc dddd'],
		],
		['a line break when no paragraph fits', 'aaaaaaa\nbb cc', 10, ['aaaaaaa', 'bb cc']],
		['a sentence end, then a word', 'aaaa\n\nbbbb cccc. dddd', 12, ['aaaa', 'bbbb cccc.', 'dddd']],
		['a sentence end with a closing quote', 'aaaaaa.» bbbbbbbb', 10, ['aaaaaa.»', 'bbbbbbbb']],
		[
			'word boundaries, as full as possible',
			'one two three four five',
			10,
			['one two', 'three four', 'five'],
		],
		['whitespace right after the limit', 'abcdefghij klm', 10, ['abcdefghij', 'klm']],
		['a line break right after a full line', 'aaaa bbbb\ncc', 10, ['aaaa bbbb', 'cc']],
		[
			'an early sentence end over a hard cut',
			'aa. bbbbbbbbbbbbbb',
			10,
			['aa.', 'bbbbbbbbbb', 'bbbb'],
		],
		[
			'a word boundary when the sentence end has no space in the window',
			'1234 6789?! x',
			10,
			['1234', '6789?! x'],
		],
		['a paragraph exactly at the limit', 'xxxxx\n\nyyyyyyyyyy', 10, ['xxxxx', 'yyyyyyyyyy']],
		['blank lines dropped at a cut', 'a\n   \n  b', 3, ['a', 'b']],
	])('cuts at %s', (_label, input, limit, parts) => {
		expect(splitText(input, limit)).toEqual(parts);
	});

	it('trims a text that fits', () => {
		expect(splitText('   padded text   ', 50)).toEqual(['padded text']);
		expect(splitText('   ', 5)).toEqual([]);
	});

	it('keeps a text exactly at the limit whole', () => {
		expect(splitText('abcde', 5)).toEqual(['abcde']);
		expect(splitText('abcdef', 5)).toEqual(['abcde', 'f']);
	});

	it.each<[string, number, string[]]>([
		['ab😀cd', 3, ['ab', '😀c', 'd']],
		['a😀', 2, ['a', '😀']],
		['😀😀😀', 3, ['😀', '😀', '😀']],
	])('never splits a surrogate pair: %j at %i', (input, limit, parts) => {
		expect(splitText(input, limit)).toEqual(parts);
	});

	it('keeps an atomic span whole, with or without the g flag', () => {
		expect(splitText('<b>bold</b> text', 6, { atomic: HTML })).toEqual(['<b>bol', 'd</b>', 'text']);
		expect(splitText('<b>bold</b> text', 6, { atomic: /<[^>]+>/ })).toEqual([
			'<b>bol',
			'd</b>',
			'text',
		]);
	});

	it('cuts before an atomic span, and through one only when it is longer than the limit', () => {
		expect(splitText('xx<verylongtag>yy', 5, { atomic: HTML })).toEqual([
			'xx',
			'<very',
			'longt',
			'ag>yy',
		]);
		expect(splitText('<verylongtag>yy', 5, { atomic: HTML })).toEqual(['<very', 'longt', 'ag>yy']);
	});

	it('moves a forced cut through a long atomic span off a surrogate pair', () => {
		expect(splitText('<a😀😀>', 3, { atomic: HTML })).toEqual(['<a', '😀', '😀>']);
	});

	it('ignores empty matches of an atomic pattern', () => {
		expect(splitText('aaaa bbbb', 5, { atomic: /x*/g })).toEqual(['aaaa', 'bbbb']);
	});

	it.each([1, 0, -5, 2.5, Number.NaN])('refuses the limit %p, naming it', (limit) => {
		expect(() => splitText('text', limit)).toThrow(
			`splitText: limit must be an integer ≥ 2, got ${limit}`,
		);
	});

	it('accepts the smallest limit, 2', () => {
		expect(splitText('abcde', 2)).toEqual(['ab', 'cd', 'e']);
	});
});
